# An example rule; deploy the rules of your policy repository's policy/ folder instead.
package main

import rego.v1

deny contains msg if {
	input.kind == "NetworkPolicy"
	input.apiVersion == "projectcalico.org/v3"
	input.spec.order < 500
	msg := sprintf("%s: order %v is below 500, which is kept for the platform team's policies", [input.metadata.name, input.spec.order])
}
