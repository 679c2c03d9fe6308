package main

# A namespaced object without a namespace lands in whatever namespace the deploying tool defaults to.
deny contains msg if {
	is_namespaced
	object.get(input.metadata, "namespace", "") == ""
	msg := sprintf("%s: metadata.namespace is missing; %s objects must name their namespace", [object_name, kind_name])
}
