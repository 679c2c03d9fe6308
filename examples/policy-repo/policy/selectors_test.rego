package main

test_selector_keys_are_read_from_every_operator if {
	selector := `appname == 'a' && zone != "b" && network in {'x', 'y'} && a not in {'z'} && b contains 'c' && c starts with 'd' && d ends with 'e' && has(e) && !has(f)`
	selector_keys(selector) == {"appname", "zone", "network", "a", "b", "c", "d", "e", "f"}
}

test_selector_keys_ignore_quoted_text_and_functions if {
	selector_keys(`appname == 'zone == x' || all()`) == {"appname"}
	selector_keys("all()") == set()
	selector_keys("appname=='x'") == {"appname"}
	selector_keys("app.kubernetes.io/name == 'x'") == {"app.kubernetes.io/name"}
}

test_allowed_keys_pass if {
	spec := {
		"selector": "appname == 'web' && zone == 'dmz'",
		"ingress": [{"action": "Allow", "source": {"selector": "network == 'lan'", "namespaceSelector": "kubernetes.io/metadata.name == 'x'"}}],
	}
	count(deny) == 0 with input as calico_policy(app_metadata, spec)
}

test_other_key_in_the_policy_selector_is_denied if {
	deny[`NetworkPolicy shop/appid-acme-ams-shop-web: spec.selector uses the label "app"; selectors may only use appname, network, zone`] with input as calico_policy(app_metadata, {"selector": "app == 'web'"})
}

test_other_key_in_a_rule_selector_is_denied if {
	spec := {"egress": [{"action": "Allow", "destination": {"selector": "has(role)"}}]}
	deny[`NetworkPolicy shop/appid-acme-ams-shop-web: spec.egress[0].destination.selector uses the label "role"; selectors may only use appname, network, zone`] with input as calico_policy(app_metadata, spec)
}

test_platform_policies_may_use_any_key if {
	count(deny) == 0 with input as global_policy(platform_metadata, {"selector": "k8s-app == 'kube-dns'"})
}

test_kubernetes_pod_selector_keys_are_checked if {
	spec := {
		"podSelector": {"matchLabels": {"appname": "db"}, "matchExpressions": [{"key": "tier", "operator": "Exists"}]},
		"ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "web"}}}]}],
	}
	denials := deny with input as kubernetes_policy(app_metadata, spec)
	denials == {
		`Kubernetes NetworkPolicy shop/appid-acme-ams-shop-web: spec.podSelector uses the label "tier"; selectors may only use appname, network, zone`,
		`Kubernetes NetworkPolicy shop/appid-acme-ams-shop-web: spec.ingress[0].from[0].podSelector uses the label "app"; selectors may only use appname, network, zone`,
	}
}

test_kubernetes_allowed_keys_pass if {
	spec := {
		"podSelector": {"matchLabels": {"appname": "db"}, "matchExpressions": [{"key": "zone", "operator": "In", "values": ["a"]}]},
		"ingress": [{"from": [{"podSelector": {"matchLabels": {"appname": "web"}}, "namespaceSelector": {"matchLabels": {"team": "x"}}}]}],
	}
	count(deny) == 0 with input as kubernetes_policy(app_metadata, spec)
}
