#!/usr/bin/env bash
# Generates the input of bench/conftest-test/run.sh: N Calico NetworkPolicy files (like examples/policy-repo/policies)
# under OUT/policies and ten conftest policies under OUT/policy. Usage: generate.sh OUT [N]
set -euo pipefail
out=${1:?usage: generate.sh OUT [N]}
count=${2:-5000}
mkdir -p "$out/policies" "$out/policy"

for ((t = 0; t < 50; t++)); do mkdir -p "$out/policies/team-$t"; done

# Builtins only inside the loop (printf, no cat or mkdir): forking twice per file made generation take minutes.
for ((i = 0; i < count; i++)); do
  ns="team-$((i % 50))"
  port=$((8000 + i % 100))
  # Every 7th policy allows egress anywhere, every 11th has no order: some inputs fail, most pass.
  if ((i % 7 == 0)); then egress_rule="    - action: Allow
      destination:
        nets:
          - 0.0.0.0/0"
  else egress_rule="    - action: Allow
      protocol: TCP
      destination:
        selector: app == 'db-$((i % 13))'
        ports:
          - 5432"
  fi
  order_line="  order: $((100 + i % 900))"
  if ((i % 11 == 0)); then order_line=""; fi
  printf '%s\n' "# Generated for the palisade test benchmark.
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata:
  name: app-$i
  namespace: $ns
  labels:
    team: $ns
spec:
$order_line
  selector: app == 'app-$i'
  types:
    - Ingress
    - Egress
  ingress:
    - action: Allow
      protocol: TCP
      source:
        selector: app == 'frontend-$((i % 17))'
      destination:
        ports:
          - $port
  egress:
$egress_rule" > "$out/policies/$ns/networkpolicy-app-$i.yaml"
done

policy() { cat > "$out/policy/$1.rego"; }

policy kind <<'REGO'
package main

deny_kind contains msg if {
	not input.kind in {"NetworkPolicy", "GlobalNetworkPolicy"}
	msg := sprintf("%s is not a Calico network policy", [input.kind])
}
REGO
policy api <<'REGO'
package main

deny_api contains msg if {
	input.apiVersion != "projectcalico.org/v3"
	msg := sprintf("%s: apiVersion must be projectcalico.org/v3", [input.metadata.name])
}
REGO
policy namespace <<'REGO'
package main

deny_namespace contains msg if {
	input.kind == "NetworkPolicy"
	not input.metadata.namespace
	msg := sprintf("%s has no namespace", [input.metadata.name])
}
REGO
policy order <<'REGO'
package main

deny_order contains {"msg": msg, "policy": input.metadata.name} if {
	not input.spec.order
	msg := sprintf("%s has no order: Calico evaluates it last", [input.metadata.name])
}
REGO
policy selector <<'REGO'
package main

deny_selector contains msg if {
	not input.spec.selector
	msg := sprintf("%s selects nothing", [input.metadata.name])
}
REGO
policy egress_anywhere <<'REGO'
package main

deny_egress_anywhere contains msg if {
	some rule in input.spec.egress
	rule.action == "Allow"
	"0.0.0.0/0" in rule.destination.nets
	msg := sprintf("%s allows egress to anywhere", [input.metadata.name])
}
REGO
policy ingress_source <<'REGO'
package main

warn_ingress_source contains msg if {
	some rule in input.spec.ingress
	rule.action == "Allow"
	not rule.source
	msg := sprintf("%s allows ingress from any source", [input.metadata.name])
}
REGO
policy ports <<'REGO'
package main

deny_ports contains msg if {
	some rule in array.concat(object.get(input.spec, "ingress", []), object.get(input.spec, "egress", []))
	some port in object.get(rule, ["destination", "ports"], [])
	is_number(port)
	not port < 65536
	msg := sprintf("%s: port %v is out of range", [input.metadata.name, port])
}
REGO
policy team_label <<'REGO'
package main

warn_team_label contains msg if {
	not input.metadata.labels.team
	msg := sprintf("%s has no team label", [input.metadata.name])
}
REGO
policy exceptions <<'REGO'
package main

exception contains ["egress_anywhere"] if {
	endswith(input.metadata.name, "00")
}
REGO
