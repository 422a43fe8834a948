<?php // phpcs:ignore WordPress.Files.FileName -- the block editor looks for this exact name.
/**
 * Dependencies of edit.js (written by hand: the editor script needs no build step).
 *
 * @package EmotionalIntimacyWidget
 */

defined( 'ABSPATH' ) || exit;

return array(
	'dependencies' => array( 'wp-block-editor', 'wp-blocks', 'wp-components', 'wp-element', 'wp-i18n' ),
	'version'      => EIW_VERSION,
);
