package main

test_order_below_500_is_denied if {
	deny["NetworkPolicy shop/appid-acme-ams-shop-web: spec.order 400 is below 500; orders below 500 are reserved for platform policies"] with input as calico_policy(app_metadata, {"order": 400})
}

test_order_500_is_allowed if {
	count(deny) == 0 with input as calico_policy(app_metadata, {"order": 500})
}

test_missing_order_is_allowed if {
	count(deny) == 0 with input as calico_policy(app_metadata, {})
}

test_fractional_order_below_500_is_denied if {
	count(deny) == 1 with input as calico_policy(app_metadata, {"order": 499.5})
}

test_platform_policies_may_use_low_orders if {
	count(deny) == 0 with input as global_policy(platform_metadata, {"order": 100})
}
