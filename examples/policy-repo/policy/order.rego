package main

# Application policies run after the platform's (Calico applies lower orders first): orders below 500 are kept for
# platform policies. A policy without an order is applied last, which is allowed.
minimum_application_order := 500

deny contains msg if {
	is_calico_policy
	is_application_policy
	input.spec.order < minimum_application_order
	msg := sprintf("%s: spec.order %v is below %d; orders below %d are reserved for platform policies", [object_name, input.spec.order, minimum_application_order, minimum_application_order])
}
