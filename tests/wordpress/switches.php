<?php
/**
 * Test only, installed as a must-use plugin in the throwaway WordPress:
 * - `?eiw_theme=NAME` shows a page with another installed theme, so one site tests a
 *   classic and a block theme;
 * - `?eiw_texturize=0` turns off wptexturize (as many sites do), which otherwise rewrites
 *   quotes in content whose shortcode it cannot parse, so hostile values reach the plugin
 *   unchanged.
 *
 * @package EmotionalIntimacyWidget
 */

// phpcs:disable WordPress.Security.NonceVerification

/**
 * The theme asked for, if it is installed.
 *
 * @param string $theme The active theme.
 */
function eiw_test_theme( $theme ) {
	$wanted = isset( $_GET['eiw_theme'] ) ? sanitize_key( wp_unslash( $_GET['eiw_theme'] ) ) : '';
	return $wanted && is_dir( get_theme_root() . '/' . $wanted ) ? $wanted : $theme;
}
add_filter( 'stylesheet', 'eiw_test_theme' );
add_filter( 'template', 'eiw_test_theme' );

if ( isset( $_GET['eiw_texturize'] ) && '0' === $_GET['eiw_texturize'] ) {
	add_filter( 'run_wptexturize', '__return_false' );
}
