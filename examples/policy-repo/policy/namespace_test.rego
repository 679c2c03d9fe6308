package main

test_namespaced_policy_without_namespace_is_denied if {
	metadata := json.remove(app_metadata, ["namespace"])
	deny["NetworkPolicy appid-acme-ams-shop-web: metadata.namespace is missing; NetworkPolicy objects must name their namespace"] with input as calico_policy(metadata, {})
}

test_empty_namespace_is_denied if {
	count(deny) == 1 with input as kubernetes_policy(json.patch(app_metadata, [{"op": "replace", "path": "/namespace", "value": ""}]), {})
}

test_namespaced_set_without_namespace_is_denied if {
	count(deny) == 1 with input as {"apiVersion": "projectcalico.org/v3", "kind": "NetworkSet", "metadata": {"name": "x"}}
}

test_global_objects_need_no_namespace if {
	count(deny) == 0 with input as global_policy(platform_metadata, {})
	count(deny) == 0 with input as {"apiVersion": "projectcalico.org/v3", "kind": "GlobalNetworkSet", "metadata": {"name": "x"}}
}

test_namespaced_policy_with_namespace_passes if {
	count(deny) == 0 with input as calico_policy(app_metadata, {})
}
