package main

with_name(n) := json.patch(app_metadata, [{"op": "replace", "path": "/name", "value": n}])

with_appid(appid) := json.patch(app_metadata, [{"op": "replace", "path": "/labels/appid", "value": appid}])

test_identity_name_and_purpose_suffix_pass if {
	count(deny) == 0 with input as calico_policy(with_name("appid-acme-ams-shop"), {})
	count(deny) == 0 with input as calico_policy(with_name("appid-acme-ams-shop-backend-deny-external"), {})
}

test_name_of_another_app_is_denied if {
	deny["NetworkPolicy shop/appid-acme-ams-cart: the name must be appid-acme-ams-shop or appid-acme-ams-shop-<purpose>, after the label appid appid_acme_ams_shop"] with input as calico_policy(with_name("appid-acme-ams-cart"), {})
}

test_name_without_the_scheme_is_denied if {
	count(deny) == 1 with input as kubernetes_policy(with_name("backend"), {})
	count(deny) == 1 with input as calico_policy(with_name("appid-acme-ams-shopx"), {})
	count(deny) == 1 with input as calico_policy(with_name("appid-acme-ams-shop-"), {})
}

test_missing_appid_label_is_denied if {
	deny[`NetworkPolicy shop/appid-acme-ams-shop-web: the label appid must be appid_<org>_<site>_<app> (lowercase letters and digits), not ""`] with input as calico_policy(json.remove(app_metadata, ["labels"]), {})
}

test_malformed_appid_label_is_denied if {
	count(deny) == 1 with input as calico_policy(with_appid("shop"), {})
	count(deny) == 1 with input as calico_policy(with_appid("appid_acme_ams"), {})
	count(deny) == 1 with input as calico_policy(with_appid("appid_acme_ams_shop_extra"), {})
	count(deny) == 1 with input as calico_policy(with_appid("appid_Acme_ams_shop"), {})
}

test_platform_policies_are_named_freely if {
	count(deny) == 0 with input as global_policy(platform_metadata, {})
}
