package main

# Application policies select workloads only by these labels; namespace selectors are not limited (namespaces carry
# their own labels, such as kubernetes.io/metadata.name).
allowed_selector_keys := {"zone", "network", "appname"}

# The label keys a Calico selector uses: the key before each comparison (==, !=, in, not in, contains, starts with,
# ends with) and the key in has(…). Quoted strings are blanked first so that their contents are never read as keys.
selector_keys(selector) := {key |
	unquoted := regex.replace(selector, `'[^']*'|"[^"]*"`, "''")
	some match in regex.find_all_string_submatch_n(
		`has\(\s*([A-Za-z0-9_./-]+)\s*\)|([A-Za-z0-9_./-]+)\s*(?:==|!=|\bnot\s+in\b|\bin\b|\bcontains\b|\bstarts\s+with\b|\bends\s+with\b)`,
		unquoted,
		-1,
	)
	some key in array.slice(match, 1, 3)
	key != ""
}

# Every workload selector of a Calico policy, with where it is written.
calico_selectors contains [path, selector] if {
	selector := input.spec.selector
	path := "spec.selector"
}

calico_selectors contains [path, selector] if {
	some direction in ["ingress", "egress"]
	some i, rule in input.spec[direction]
	some side in ["source", "destination"]
	some field in ["selector", "notSelector"]
	selector := rule[side][field]
	path := sprintf("spec.%s[%d].%s.%s", [direction, i, side, field])
}

# Every pod selector of a Kubernetes NetworkPolicy's, with where it is written.
kubernetes_pod_selectors contains ["spec.podSelector", input.spec.podSelector]

kubernetes_pod_selectors contains [path, peer.podSelector] if {
	some direction, peers_field in {"ingress": "from", "egress": "to"}
	some i, rule in input.spec[direction]
	some j, peer in rule[peers_field]
	path := sprintf("spec.%s[%d].%s[%d].podSelector", [direction, i, peers_field, j])
}

label_selector_keys(selector) := {key | some key, _ in object.get(selector, "matchLabels", {})} | {requirement.key | some requirement in object.get(selector, "matchExpressions", [])}

deny contains msg if {
	is_calico_policy
	is_application_policy
	some [path, selector] in calico_selectors
	some key in selector_keys(selector)
	not key in allowed_selector_keys
	msg := sprintf("%s: %s uses the label %q; selectors may only use %s", [object_name, path, key, concat(", ", sort(allowed_selector_keys))])
}

deny contains msg if {
	is_kubernetes_network_policy
	is_application_policy
	some [path, selector] in kubernetes_pod_selectors
	some key in label_selector_keys(selector)
	not key in allowed_selector_keys
	msg := sprintf("%s: %s uses the label %q; selectors may only use %s", [object_name, path, key, concat(", ", sort(allowed_selector_keys))])
}
