<?php
/**
 * Sets up the throwaway WordPress for the plugin's end-to-end test (run by
 * integrations/wordpress/test.sh, with PHP's command line):
 *
 *   php setup.php install <wordpress-folder> <plugin-zip>
 *       installs WordPress, then installs the plugin from the zip the way Plugins → Add New →
 *       Upload Plugin does (Plugin_Upgrader), activates it and picks a classic theme;
 *   php setup.php posts <wordpress-folder>
 *       creates the test posts and prints their ids and URLs as JSON.
 *
 * @package EmotionalIntimacyWidget
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

list( , $eiw_step, $eiw_wp ) = $argv;

if ( 'install' === $eiw_step ) {
	define( 'WP_INSTALLING', true );
}
require $eiw_wp . '/wp-load.php';

/**
 * Stops with a message.
 *
 * @param string $message What went wrong.
 */
function eiw_test_fail( $message ) {
	fwrite( STDERR, "setup.php: $message\n" );
	exit( 1 );
}

if ( 'install' === $eiw_step ) {
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	add_filter( 'pre_wp_mail', '__return_false' ); // No "new site" e-mail.
	$eiw_installed = wp_install( 'EIW plugin test', 'admin', 'admin@example.org', false, '', 'eiw-test-password' );
	if ( empty( $eiw_installed['user_id'] ) ) {
		eiw_test_fail( 'wp_install failed' );
	}
	wp_set_current_user( $eiw_installed['user_id'] );

	require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
	require_once ABSPATH . 'wp-admin/includes/plugin.php';
	$eiw_upgrader = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
	$eiw_result   = $eiw_upgrader->install( $argv[3] );
	if ( true !== $eiw_result ) {
		eiw_test_fail( 'installing the zip failed: ' . print_r( $eiw_upgrader->skin->get_upgrade_messages(), true ) . print_r( $eiw_result, true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
	}
	$eiw_plugin    = $eiw_upgrader->plugin_info();
	$eiw_activated = activate_plugin( $eiw_plugin );
	if ( is_wp_error( $eiw_activated ) ) {
		eiw_test_fail( 'activating failed: ' . $eiw_activated->get_error_message() );
	}
	// A classic theme, where the widget's script is enqueued after wp_head() has run; the
	// test also shows pages with the block theme (see switches.php).
	switch_theme( 'twentytwentyone' );
	// No welcome guide over the block editor.
	update_user_meta( $eiw_installed['user_id'], $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ) ) );
	echo "installed and activated $eiw_plugin\n";
	exit( 0 );
}

if ( 'posts' !== $eiw_step ) {
	eiw_test_fail( "unknown step $eiw_step" );
}

// An administrator writes the posts, so nothing filters the hostile shortcodes before the
// plugin sees them (an author's content would also pass through kses).
wp_set_current_user( 1 );
kses_remove_filters();

/**
 * The markup the block editor saves for a shortcode block.
 *
 * @param string $shortcode The shortcode.
 */
function eiw_test_shortcode_block( $shortcode ) {
	return "<!-- wp:shortcode -->\n$shortcode\n<!-- /wp:shortcode -->";
}

/**
 * The markup the block editor saves for the plugin's block.
 *
 * @param array $attributes The block's attributes.
 */
function eiw_test_block( array $attributes ) {
	return get_comment_delimited_block_content( 'emotional-intimacy-widget/quiz', $attributes, '' );
}

$eiw_posts = array(
	'mixed'   => implode(
		"\n\n",
		array(
			'<!-- wp:paragraph --><p>Two shortcodes and a block.</p><!-- /wp:paragraph -->',
			eiw_test_shortcode_block( '[emotional_intimacy_widget lang="es" theme="dark" cta_href="https://example.org/reservar" cta_label="Reservar una llamada" accent="#6b3fa0" faq_schema faq_heading_level="4" loading="eager" shadow="open" id="w-es" colour="red" cta-label="typo"]' ),
			eiw_test_shortcode_block( '[emotional_intimacy_widget lang="en" theme="light" sections="quiz" cta_href="/contact" cta_label="Book a free call" region="GB" compare="off" share_score="yes" faq_schema="no" id="w-en"]' ),
			eiw_test_block(
				array(
					'lang'            => 'ar',
					'theme'           => 'dark',
					'ctaHref'         => 'tel:+15555550100',
					'ctaLabel'        => 'اتصل بنا',
					'accent'          => '#b3261e',
					'faqMode'         => 'single',
					'faqHeadingLevel' => '5',
					'shareScore'      => true,
					'compare'         => false,
					// Not a block option (attributes.json: not offered): left out.
					'shadow'          => 'open',
				)
			),
		)
	),
	'block'   => eiw_test_block(
		array(
			'lang'     => 'es',
			'sections' => 'faq',
		)
	),
	// Classic content (no blocks), as the classic editor saves it.
	'bare'    => "A quiz with every option left as it is:\n\n[emotional_intimacy_widget]\n\nThe end.",
	'plain'   => '<!-- wp:paragraph --><p>No quiz on this page, though it mentions emotional_intimacy_widget.</p><!-- /wp:paragraph -->',
	'hostile' => implode(
		"\n\n",
		array(
			eiw_test_shortcode_block(
				'[emotional_intimacy_widget lang=\'"><script>window.__pwned=1</script>\' cta_href="javascript:alert(1)" cta_label=\'x" onmouseover="window.__pwned=1\' theme=\'dark" onload="window.__pwned=1\' quick_exit_href="javascript:window.__pwned=1" region="<img src=x onerror=window.__pwned=1>" accent="red;background:url(javascript:alert(1))" id=\'"><svg onload=window.__pwned=1>\' onclick="window.__pwned=1" "><script>window.__pwned=1</script>]'
			),
			eiw_test_block(
				array(
					'lang'          => '"><script>window.__pwned=1</script>',
					'ctaHref'       => 'javascript:alert(1)',
					'ctaLabel'      => 'x" onmouseover="window.__pwned=1',
					'quickExitHref' => 'javascript:window.__pwned=1',
					'accent'        => '#fff" onload="window.__pwned=1',
					'theme'         => "'><img src=x onerror=window.__pwned=1>",
				)
			),
		)
	),
);

$eiw_out = array();
foreach ( $eiw_posts as $eiw_name => $eiw_content ) {
	// wp_insert_post() expects slashed data (the block's JSON has backslashes).
	$eiw_id = wp_insert_post(
		wp_slash(
			array(
				'post_title'   => "EIW $eiw_name",
				'post_content' => $eiw_content,
				'post_status'  => 'publish',
			)
		),
		true
	);
	if ( is_wp_error( $eiw_id ) ) {
		eiw_test_fail( $eiw_id->get_error_message() );
	}
	$eiw_out[ $eiw_name ] = array(
		'id'  => $eiw_id,
		'url' => get_permalink( $eiw_id ),
	);
}
// The administrator's login cookies, so the test opens the block editor without going
// through the login form.
$eiw_expires        = time() + DAY_IN_SECONDS;
$eiw_out['cookies'] = array(
	AUTH_COOKIE      => wp_generate_auth_cookie( 1, $eiw_expires, 'auth' ),
	LOGGED_IN_COOKIE => wp_generate_auth_cookie( 1, $eiw_expires, 'logged_in' ),
);
echo wp_json_encode( $eiw_out, JSON_UNESCAPED_SLASHES ) . "\n";
