package main

test_global_policy_from_an_app_team_is_denied if {
	metadata := {"name": "appid-acme-ams-shop", "labels": {"appid": "appid_acme_ams_shop"}}
	deny["GlobalNetworkPolicy appid-acme-ams-shop: only the platform team (label owner: platform) may create a GlobalNetworkPolicy; use a NetworkPolicy in your namespace"] with input as global_policy(metadata, {"order": 600})
}

test_global_policy_owned_by_another_team_is_denied if {
	metadata := {"name": "x", "labels": {"owner": "shop"}}
	some msg in deny with input as global_policy(metadata, {})
	startswith(msg, "GlobalNetworkPolicy x: only the platform team")
}

test_platform_global_policy_passes if {
	count(deny) == 0 with input as global_policy(platform_metadata, {"order": 100, "selector": "all()"})
}
