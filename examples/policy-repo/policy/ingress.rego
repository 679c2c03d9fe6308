package main

# A Calico ingress rule restricts its sources when it names them: by selector, namespace, service account,
# service or network (other than everything).
source_restrictions := {"selector", "namespaceSelector", "serviceAccounts", "services", "nets"}

open_networks := {"0.0.0.0/0", "::/0"}

restricts_source(rule) if {
	some field in source_restrictions
	field != "nets"
	rule.source[field]
}

restricts_source(rule) if {
	count(rule.source.nets) > 0
	every net in rule.source.nets {
		not net in open_networks
	}
}

deny contains msg if {
	is_calico_policy
	some i, rule in input.spec.ingress
	rule.action == "Allow"
	not restricts_source(rule)
	msg := sprintf("%s: spec.ingress[%d] allows traffic from anywhere; name its sources (selector, namespaceSelector, serviceAccounts, services or nets)", [object_name, i])
}

# In a Kubernetes NetworkPolicy a rule without peers (ingress: [{}], or only ports) admits every source.
deny contains msg if {
	is_kubernetes_network_policy
	some i, rule in input.spec.ingress
	count(object.get(rule, "from", [])) == 0
	msg := sprintf("%s: spec.ingress[%d] has no from and so allows traffic from anywhere", [object_name, i])
}

deny contains msg if {
	is_kubernetes_network_policy
	some i, rule in input.spec.ingress
	some peer in rule.from
	peer.ipBlock.cidr in open_networks
	count(object.get(peer.ipBlock, "except", [])) == 0
	msg := sprintf("%s: spec.ingress[%d] allows traffic from %s", [object_name, i, peer.ipBlock.cidr])
}
