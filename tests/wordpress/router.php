<?php
/**
 * Router for PHP's built-in web server in the test: existing files and folders are served
 * by the server itself, everything else goes to WordPress.
 *
 * @package EmotionalIntimacyWidget
 */

$eiw_path = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ); // phpcs:ignore
if ( '/' !== $eiw_path && file_exists( $_SERVER['DOCUMENT_ROOT'] . $eiw_path ) ) { // phpcs:ignore
	return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php'; // phpcs:ignore
