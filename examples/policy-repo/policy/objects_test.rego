package main

calico_policy(metadata, spec) := {
	"apiVersion": "projectcalico.org/v3",
	"kind": "NetworkPolicy",
	"metadata": metadata,
	"spec": spec,
}

kubernetes_policy(metadata, spec) := {
	"apiVersion": "networking.k8s.io/v1",
	"kind": "NetworkPolicy",
	"metadata": metadata,
	"spec": spec,
}

global_policy(metadata, spec) := {
	"apiVersion": "projectcalico.org/v3",
	"kind": "GlobalNetworkPolicy",
	"metadata": metadata,
	"spec": spec,
}

app_metadata := {"name": "appid-acme-ams-shop-web", "namespace": "shop", "labels": {"appid": "appid_acme_ams_shop"}}

platform_metadata := {"name": "default-deny", "labels": {"owner": "platform"}}

test_names_a_namespaced_object if {
	object_name == "NetworkPolicy shop/appid-acme-ams-shop-web" with input as calico_policy(app_metadata, {})
}

test_names_a_global_object if {
	object_name == "GlobalNetworkPolicy default-deny" with input as global_policy(platform_metadata, {})
}

test_names_a_kubernetes_policy if {
	object_name == "Kubernetes NetworkPolicy shop/appid-acme-ams-shop-web" with input as kubernetes_policy(app_metadata, {})
}

test_platform_policies_are_not_application_policies if {
	not is_application_policy with input as global_policy(platform_metadata, {})
	is_application_policy with input as calico_policy(app_metadata, {})
	is_application_policy with input as kubernetes_policy(app_metadata, {})
}

test_network_sets_are_not_policies if {
	not is_policy with input as {"apiVersion": "projectcalico.org/v3", "kind": "GlobalNetworkSet", "metadata": {"name": "x"}}
}
