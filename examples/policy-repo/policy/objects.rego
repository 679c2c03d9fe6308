# Helpers shared by the governance rules: what kind of object the input is, whether the platform team owns it,
# and how messages name it.
package main

# Calico kinds that live in a namespace.
calico_namespaced_kinds := {"NetworkPolicy", "StagedNetworkPolicy", "NetworkSet", "NetworkPolicyList"}

is_calico if startswith(input.apiVersion, "projectcalico.org/")

is_kubernetes_network_policy if {
	input.apiVersion == "networking.k8s.io/v1"
	input.kind == "NetworkPolicy"
}

is_calico_policy if {
	is_calico
	input.kind in {"NetworkPolicy", "GlobalNetworkPolicy"}
}

is_policy if is_calico_policy

is_policy if is_kubernetes_network_policy

is_namespaced if {
	is_calico
	input.kind in calico_namespaced_kinds
}

is_namespaced if is_kubernetes_network_policy

# Platform objects carry the label owner: platform. The platform team's templates set it (templates/platform/);
# CODEOWNERS on that folder keeps app teams from setting it themselves.
is_platform if input.metadata.labels.owner == "platform"

# An application policy is any policy the platform team does not own.
is_application_policy if {
	is_policy
	not is_platform
}

# "NetworkPolicy shop/web", "GlobalNetworkPolicy default-deny", "Kubernetes NetworkPolicy shop/db".
object_name := sprintf("%s %s/%s", [kind_name, input.metadata.namespace, name]) if {
	input.metadata.namespace != ""
} else := sprintf("%s %s", [kind_name, name])

kind_name := "Kubernetes NetworkPolicy" if is_kubernetes_network_policy

else := input.kind

name := object.get(input, ["metadata", "name"], "<no name>")
