package main

# An application's identity is appid_<org>_<site>_<app>, kept in the appid label (label values may hold "_").
# Object names may not hold "_", so a policy's name is the same identity written with "-", optionally followed by
# -<purpose>: appid_acme_ams_shop names appid-acme-ams-shop or appid-acme-ams-shop-backend.
appid_pattern := `^appid_[a-z0-9]+_[a-z0-9]+_[a-z0-9]+$`

deny contains msg if {
	is_application_policy
	appid := object.get(input.metadata, ["labels", "appid"], "")
	not regex.match(appid_pattern, appid)
	msg := sprintf("%s: the label appid must be appid_<org>_<site>_<app> (lowercase letters and digits), not %q", [object_name, appid])
}

deny contains msg if {
	is_application_policy
	appid := input.metadata.labels.appid
	regex.match(appid_pattern, appid)
	prefix := replace(appid, "_", "-")
	not name_follows(name, prefix)
	msg := sprintf("%s: the name must be %s or %s-<purpose>, after the label appid %s", [object_name, prefix, prefix, appid])
}

name_follows(n, prefix) if n == prefix

name_follows(n, prefix) if {
	purpose := trim_prefix(n, sprintf("%s-", [prefix]))
	purpose != n
	regex.match(`^[a-z0-9]+(-[a-z0-9]+)*$`, purpose)
}
