package main

allow_all_message(i) := sprintf("NetworkPolicy shop/appid-acme-ams-shop-web: spec.ingress[%d] allows traffic from anywhere; name its sources (selector, namespaceSelector, serviceAccounts, services or nets)", [i])

test_allow_without_source_is_denied if {
	deny[allow_all_message(0)] with input as calico_policy(app_metadata, {"ingress": [{"action": "Allow"}]})
}

test_allow_with_only_ports_is_denied if {
	rule := {"action": "Allow", "protocol": "TCP", "destination": {"ports": [443]}}
	deny[allow_all_message(1)] with input as calico_policy(app_metadata, {"ingress": [{"action": "Allow", "source": {"selector": "appname == 'web'"}}, rule]})
}

test_allow_from_everywhere_nets_is_denied if {
	deny[allow_all_message(0)] with input as calico_policy(app_metadata, {"ingress": [{"action": "Allow", "source": {"nets": ["10.0.0.0/8", "0.0.0.0/0"]}}]})
}

test_allow_from_a_selector_or_network_is_allowed if {
	rules := [
		{"action": "Allow", "source": {"selector": "appname == 'web'"}},
		{"action": "Allow", "source": {"namespaceSelector": "kubernetes.io/metadata.name == 'ingress'"}},
		{"action": "Allow", "source": {"nets": ["10.0.0.0/8"]}},
	]
	count(deny) == 0 with input as calico_policy(app_metadata, {"ingress": rules})
}

test_deny_and_log_without_source_are_allowed if {
	count(deny) == 0 with input as calico_policy(app_metadata, {"ingress": [{"action": "Log"}, {"action": "Deny"}]})
}

test_platform_policies_may_not_allow_all_either if {
	count(deny) == 1 with input as global_policy(platform_metadata, {"ingress": [{"action": "Allow"}]})
}

test_kubernetes_empty_ingress_rule_is_denied if {
	deny["Kubernetes NetworkPolicy shop/appid-acme-ams-shop-web: spec.ingress[0] has no from and so allows traffic from anywhere"] with input as kubernetes_policy(app_metadata, {"ingress": [{}]})
}

test_kubernetes_rule_with_only_ports_is_denied if {
	count(deny) == 1 with input as kubernetes_policy(app_metadata, {"ingress": [{"ports": [{"port": 80}]}]})
}

test_kubernetes_open_ip_block_is_denied if {
	peers := [{"ipBlock": {"cidr": "0.0.0.0/0"}}]
	deny["Kubernetes NetworkPolicy shop/appid-acme-ams-shop-web: spec.ingress[0] allows traffic from 0.0.0.0/0"] with input as kubernetes_policy(app_metadata, {"ingress": [{"from": peers}]})
}

test_kubernetes_rule_with_peers_is_allowed if {
	peers := [{"podSelector": {"matchLabels": {"appname": "web"}}}, {"ipBlock": {"cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]}}]
	count(deny) == 0 with input as kubernetes_policy(app_metadata, {"ingress": [{"from": peers}]})
}
