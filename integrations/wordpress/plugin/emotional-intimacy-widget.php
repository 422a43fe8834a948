<?php
/**
 * Plugin Name:       Emotional Intimacy Widget
 * Plugin URI:        __EIW_SOURCE_URL__
 * Description:       The "Are you lacking emotional intimacy?" quiz and FAQ as a block and a shortcode. Answers never leave the visitor's browser.
 * Version:           __EIW_VERSION__
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Harbour Lane
 * License:           MIT OR Apache-2.0
 * License URI:       https://opensource.org/license/mit
 * Text Domain:       emotional-intimacy-widget
 *
 * This plugin is an adapter: it prints the <emotional-intimacy-widget> element with the
 * options chosen in the block or shortcode as attributes, and loads the widget's own files
 * (bundled in widget/) on the pages that show it. Everything else, including validating
 * the options, is done by the widget.
 *
 * @package EmotionalIntimacyWidget
 */

defined( 'ABSPATH' ) || exit;

define( 'EIW_VERSION', '__EIW_VERSION__' );

// Generated from attributes.json by `node tools/attributes.mjs --write`: edit that file, not this list.
/**
 * The element's attributes: its name => 'kind' ('flag': present is on; 'switch': on or
 * off; 'text': anything else), 'block' (what the block calls it; '' when the block does not
 * offer it) and, for a switch, its 'default'. The shortcode takes every name, with
 * underscores for hyphens.
 */
const EIW_ATTRIBUTES = array(
	'lang'              => array( 'kind' => 'text', 'block' => 'lang' ),
	'sections'          => array( 'kind' => 'text', 'block' => 'sections' ),
	'theme'             => array( 'kind' => 'text', 'block' => 'theme' ),
	'faq-mode'          => array( 'kind' => 'text', 'block' => 'faqMode' ),
	'faq-schema'        => array( 'kind' => 'flag', 'block' => 'faqSchema' ),
	'faq-heading-level' => array( 'kind' => 'text', 'block' => 'faqHeadingLevel' ),
	'cta-href'          => array( 'kind' => 'text', 'block' => 'ctaHref' ),
	'cta-label'         => array( 'kind' => 'text', 'block' => 'ctaLabel' ),
	'quick-exit-href'   => array( 'kind' => 'text', 'block' => 'quickExitHref' ),
	'region'            => array( 'kind' => 'text', 'block' => 'region' ),
	'share-score'       => array( 'kind' => 'flag', 'block' => 'shareScore' ),
	'compare'           => array( 'kind' => 'switch', 'block' => 'compare', 'default' => 'on' ),
	'keepsake'          => array( 'kind' => 'switch', 'block' => 'keepsake', 'default' => 'on' ),
	'loading'           => array( 'kind' => 'text', 'block' => 'loading' ),
	'shadow'            => array( 'kind' => 'text', 'block' => '' ),
);

/**
 * Registers the widget's loader script, the shortcode and the block.
 */
function eiw_init() {
	// Printed in the footer: it is enqueued while the content is rendered, only on pages
	// that show a widget, and only once. eiw_enqueue_in_head() moves it where it can.
	eiw_register_loader(
		array(
			'in_footer' => true, // WordPress before 6.3 reads this array as `true`.
			'strategy'  => 'defer',
		)
	);
	add_shortcode( 'emotional_intimacy_widget', 'eiw_shortcode' );
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 'eiw_render_block' ) );
}
add_action( 'init', 'eiw_init' );

/**
 * Registers the loader. It finds eiw.js, the wasm and any other companion file in its own
 * folder, so the bundled folder is served as it is.
 *
 * @param array|boolean $args Where and how it is printed (wp_register_script()'s last argument).
 */
function eiw_register_loader( $args ) {
	wp_register_script(
		'emotional-intimacy-widget',
		plugins_url( 'widget/emotional-intimacy-widget.js', __FILE__ ),
		array(),
		EIW_VERSION,
		$args
	);
}

/**
 * On a post or page whose own content shows a widget (the block or the shortcode), the
 * loader goes in the head, without `defer`: it then defines the element before the browser
 * reaches it, so the widget's space is kept from the first paint and nothing below it
 * moves, in every browser (Firefox does not support `blocking="render"`). A deferred
 * loader in the footer runs after the page may have painted, and then everything below
 * the widget jumps. Widgets elsewhere (widget areas, archives) keep the footer.
 */
function eiw_enqueue_in_head() {
	if ( ! is_singular() ) {
		return;
	}
	$post = get_queried_object();
	if ( ! $post instanceof WP_Post ) {
		return;
	}
	if ( ! has_block( 'emotional-intimacy-widget/quiz', $post ) && ! has_shortcode( $post->post_content, 'emotional_intimacy_widget' ) ) {
		return;
	}
	wp_deregister_script( 'emotional-intimacy-widget' );
	eiw_register_loader( false );
	wp_enqueue_script( 'emotional-intimacy-widget' );
}
add_action( 'wp_enqueue_scripts', 'eiw_enqueue_in_head' );

/**
 * Whether an on/off option is on: anything but empty, 0, false, no or off.
 *
 * @param mixed $value The option's value.
 * @return bool
 */
function eiw_is_on( $value ) {
	if ( is_bool( $value ) ) {
		return $value;
	}
	return ! in_array( strtolower( trim( (string) $value ) ), array( '', '0', 'false', 'no', 'off' ), true );
}

/**
 * The widget element for a set of options, and enqueues its script.
 *
 * Every value goes out as an attribute escaped with esc_attr(), never as markup or script.
 * URLs are deliberately not passed through esc_url(): the element does not link to them
 * itself, and the widget checks them with a stricter rule (http(s), tel:, mailto: or
 * relative) and says in the console what it refused, where esc_url() would silently drop
 * or rewrite them.
 *
 * @param array    $options Element attribute name => value, plus 'id' and 'accent'
 *                          (a hex colour). Empty values are left out.
 * @param string[] $notes   Problems to name in an HTML comment for the site owner.
 * @return string HTML.
 */
function eiw_widget( array $options, array $notes = array() ) {
	wp_enqueue_script( 'emotional-intimacy-widget' );

	$html = '';
	$id   = isset( $options['id'] ) ? sanitize_html_class( $options['id'] ) : '';
	if ( '' !== $id ) {
		$html .= ' id="' . esc_attr( $id ) . '"';
	}
	foreach ( EIW_ATTRIBUTES as $name => $attribute ) {
		$value = isset( $options[ $name ] ) ? $options[ $name ] : '';
		if ( 'flag' === $attribute['kind'] ) {
			$html .= eiw_is_on( $value ) ? ' ' . $name : '';
		} elseif ( '' !== trim( (string) $value ) ) {
			$html .= ' ' . $name . '="' . esc_attr( trim( (string) $value ) ) . '"';
		}
	}

	// The accent colour is the CSS custom property --eiw-accent, not an attribute. It is set
	// on this one element with a style attribute built only from a value that passed
	// sanitize_hex_color(): no inline <style> or script is printed, and nothing but a colour
	// can reach the attribute. A site whose Content-Security-Policy forbids style
	// attributes keeps the default colour, or sets --eiw-accent in its theme's stylesheet.
	if ( ! empty( $options['accent'] ) ) {
		$accent = sanitize_hex_color( trim( (string) $options['accent'] ) );
		if ( $accent ) {
			$html .= ' style="' . esc_attr( '--eiw-accent:' . $accent ) . '"';
		} else {
			$notes[] = 'accent: not a hex colour such as #6b3fa0, ignored';
		}
	}

	$comment = $notes ? '<!-- emotional-intimacy-widget: ' . esc_html( implode( '; ', $notes ) ) . ' -->' : '';
	return $comment . '<emotional-intimacy-widget' . $html . '></emotional-intimacy-widget>';
}

/**
 * The [emotional_intimacy_widget] shortcode: the element's attributes with underscores
 * for hyphens (lang, theme, cta_href, cta_label, …), plus id and accent. An on/off option
 * may also be a bare word: [emotional_intimacy_widget faq_schema]. Unknown attributes are
 * ignored and named in an HTML comment.
 *
 * @param array|string $atts The shortcode's attributes ('' when it has none).
 * @return string HTML.
 */
function eiw_shortcode( $atts ) {
	$defaults = array(
		'id'     => '',
		'accent' => '',
	);
	foreach ( array_keys( EIW_ATTRIBUTES ) as $name ) {
		$defaults[ str_replace( '-', '_', $name ) ] = '';
	}

	$given   = array();
	$unknown = array();
	foreach ( is_array( $atts ) ? $atts : array() as $key => $value ) {
		if ( is_int( $key ) ) {
			$key   = strtolower( trim( $value ) );
			$value = 'true';
			$name  = str_replace( '_', '-', $key );
			if ( ! isset( $defaults[ $key ] ) || ! isset( EIW_ATTRIBUTES[ $name ] ) || 'flag' !== EIW_ATTRIBUTES[ $name ]['kind'] ) {
				$unknown[] = sanitize_key( $key );
				continue;
			}
		} elseif ( ! isset( $defaults[ $key ] ) ) {
			$hint      = isset( $defaults[ str_replace( '-', '_', $key ) ] ) ? ' (use ' . str_replace( '-', '_', $key ) . ')' : '';
			$unknown[] = sanitize_key( $key ) . $hint;
			continue;
		}
		$given[ $key ] = $value;
	}
	$atts = shortcode_atts( $defaults, $given, 'emotional_intimacy_widget' );

	$options = array();
	foreach ( $atts as $key => $value ) {
		$options[ str_replace( '_', '-', $key ) ] = $value;
	}
	$unknown = array_filter( $unknown );
	$notes   = $unknown ? array( 'ignored unknown shortcode attributes: ' . implode( ', ', $unknown ) ) : array();
	return eiw_widget( $options, $notes );
}

/**
 * Renders the "Emotional intimacy quiz" block (attributes in block/block.json, named as
 * EIW_ATTRIBUTES says).
 *
 * @param array $attributes The block's attributes.
 * @return string HTML.
 */
function eiw_render_block( $attributes ) {
	$options = array( 'accent' => isset( $attributes['accent'] ) ? $attributes['accent'] : '' );
	foreach ( EIW_ATTRIBUTES as $name => $attribute ) {
		$key = $attribute['block'];
		if ( '' === $key || ! isset( $attributes[ $key ] ) ) {
			continue;
		}
		$value = $attributes[ $key ];
		if ( 'switch' === $attribute['kind'] ) {
			// A toggle: its default setting stays out of the element, like an empty option.
			$value = $value ? 'on' : 'off';
			$value = $value === $attribute['default'] ? '' : $value;
		} elseif ( 'flag' === $attribute['kind'] ) {
			$value = (bool) $value;
		}
		$options[ $name ] = $value;
	}
	return '<div ' . get_block_wrapper_attributes() . '>' . eiw_widget( $options ) . '</div>';
}
