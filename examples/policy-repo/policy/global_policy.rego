package main

# GlobalNetworkPolicies reach every namespace, so only the platform team writes them. Conftest gives a rule the object,
# not its file, so an app team's policy is recognised by what it lacks: the label owner: platform (see objects.rego).
deny contains msg if {
	is_calico
	input.kind == "GlobalNetworkPolicy"
	not is_platform
	msg := sprintf("%s: only the platform team (label owner: platform) may create a GlobalNetworkPolicy; use a NetworkPolicy in your namespace", [object_name])
}
