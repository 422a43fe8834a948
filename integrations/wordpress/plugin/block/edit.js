// @ts-check
/**
 * Editor side of the "Emotional intimacy quiz" block: the options in the sidebar and a
 * placeholder in the content (the widget itself runs on the published page). Plain
 * JavaScript on the editor's globals, so the plugin needs no build step. The block is
 * rendered on the server (save returns null); its settings come from block.json.
 */
( function ( blocks, element, blockEditor, components, i18n ) {
	'use strict';

	var el = element.createElement;
	var __ = i18n.__;
	var TD = 'emotional-intimacy-widget';

	/**
	 * @param {string} value
	 * @param {string} label
	 * @return {WpOption} An option of a SelectControl.
	 */
	function choice( value, label ) {
		return { value: value, label: label };
	}

	var LANGUAGES = [
		choice( '', __( "The page's language", TD ) ),
		choice( 'en', 'English' ),
		choice( 'es', 'Español' ),
		choice( 'ar', 'العربية' ),
	];
	var SECTIONS = [
		choice( '', __( 'Quiz and FAQ', TD ) ),
		choice( 'quiz', __( 'Quiz only', TD ) ),
		choice( 'faq', __( 'FAQ only', TD ) ),
	];
	var THEMES = [
		choice( '', __( 'Automatic (like the page around it)', TD ) ),
		choice( 'light', __( 'Light', TD ) ),
		choice( 'dark', __( 'Dark', TD ) ),
	];
	var FAQ_MODES = [
		choice( '', __( 'Several entries open at once', TD ) ),
		choice( 'single', __( 'One entry at a time', TD ) ),
	];
	var HEADING_LEVELS = [
		choice( '', __( 'Level 3 (usual)', TD ) ),
		choice( '2', __( 'Level 2', TD ) ),
		choice( '4', __( 'Level 4', TD ) ),
		choice( '5', __( 'Level 5', TD ) ),
		choice( '6', __( 'Level 6', TD ) ),
	];
	var LOADING = [
		choice( '', __( 'Lazy: when the visitor scrolls near it', TD ) ),
		choice( 'eager', __( 'Eager: as soon as the page loads', TD ) ),
	];

	/**
	 * @param {WpOption[]} list
	 * @param {string | boolean} value
	 */
	function labelOf( list, value ) {
		for ( var i = 0; i < list.length; i++ ) {
			if ( list[ i ].value === value ) {
				return list[ i ].label;
			}
		}
		return value;
	}

	/**
	 * @param {{ attributes: WpBlockAttributes, setAttributes: ( change: WpBlockAttributes ) => void }} props
	 */
	function Edit( props ) {
		var a = props.attributes;
		/** @param {string} name */
		function set( name ) {
			return function ( /** @type {string | boolean | undefined} */ value ) {
				/** @type {WpBlockAttributes} */
				var change = {};
				change[ name ] = value === undefined ? '' : value;
				props.setAttributes( change );
			};
		}
		/**
		 * @param {string} name
		 * @param {string} label
		 * @param {WpOption[]} options
		 */
		function select( name, label, options ) {
			return el( components.SelectControl, {
				label: label,
				value: a[ name ],
				options: options,
				onChange: set( name ),
			} );
		}
		/**
		 * @param {string} name
		 * @param {string} label
		 * @param {string} [help]
		 * @param {string} [type]
		 */
		function text( name, label, help, type ) {
			return el( components.TextControl, {
				label: label,
				help: help,
				type: type || 'text',
				value: a[ name ],
				onChange: set( name ),
			} );
		}
		/**
		 * @param {string} name
		 * @param {string} label
		 */
		function toggle( name, label ) {
			return el( components.ToggleControl, {
				label: label,
				checked: !! a[ name ],
				onChange: set( name ),
			} );
		}

		var sidebar = el(
			blockEditor.InspectorControls,
			null,
			el(
				components.PanelBody,
				{ title: __( 'Content', TD ) },
				select( 'lang', __( 'Language', TD ), LANGUAGES ),
				select( 'sections', __( 'Sections', TD ), SECTIONS ),
				toggle( 'compare', __( 'Offer the partner comparison', TD ) ),
				toggle( 'keepsake', __( 'Offer to save results (a file on the visitor’s device) and “then and now”', TD ) ),
				toggle( 'shareScore', __( 'Send the scores (never answers) with the ei-complete event', TD ) ),
				select( 'loading', __( 'Loading', TD ), LOADING )
			),
			el(
				components.PanelBody,
				{ title: __( 'Call to action', TD ) },
				text( 'ctaHref', __( 'Link', TD ), __( 'https://…, tel:…, mailto:… or a link on this site. Empty: no button.', TD ), 'url' ),
				text( 'ctaLabel', __( 'Button label', TD ), __( 'Empty: "Talk to a counsellor".', TD ) )
			),
			el(
				components.PanelBody,
				{ title: __( 'Safety', TD ), initialOpen: false },
				text( 'quickExitHref', __( 'Quick exit page', TD ), __( 'A neutral http(s) page that replaces this one at once. Empty: a weather search.', TD ), 'url' ),
				text( 'region', __( 'Region for crisis lines', TD ), __( 'Two-letter country code: US, GB, CA, AU, ES, … Empty: from the language.', TD ) )
			),
			el(
				components.PanelBody,
				{ title: __( 'FAQ', TD ), initialOpen: false },
				select( 'faqMode', __( 'Opening entries', TD ), FAQ_MODES ),
				select( 'faqHeadingLevel', __( 'Heading level of the questions', TD ), HEADING_LEVELS ),
				toggle( 'faqSchema', __( 'Add FAQ structured data for search engines', TD ) )
			),
			el(
				blockEditor.PanelColorSettings,
				{
					title: __( 'Appearance', TD ),
					initialOpen: false,
					colorSettings: [
						{ label: __( 'Accent colour', TD ), value: /** @type {string} */ ( a.accent ) || undefined, onChange: set( 'accent' ) },
					],
				},
				select( 'theme', __( 'Theme', TD ), THEMES )
			)
		);

		var summary = [
			labelOf( SECTIONS, a.sections ),
			labelOf( LANGUAGES, a.lang ),
			labelOf( THEMES, a.theme ),
		];
		if ( a.ctaHref ) {
			summary.push( ( a.ctaLabel || __( 'Talk to a counsellor', TD ) ) + ' → ' + a.ctaHref );
		}
		var placeholder = el(
			components.Placeholder,
			{
				icon: 'heart',
				label: __( 'Emotional intimacy quiz', TD ),
				instructions: __( 'The quiz appears here on the published page; preview the post to try it. Its options are in the block settings.', TD ),
			},
			el( 'p', { className: 'eiw-block-summary' }, summary.join( ' · ' ) )
		);

		return el( element.Fragment, null, sidebar, el( 'div', blockEditor.useBlockProps(), placeholder ) );
	}

	blocks.registerBlockType( 'emotional-intimacy-widget/quiz', {
		edit: Edit,
		save: function () {
			return null;
		},
	} );
}( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n ) );
