// The parts of the block editor's globals (window.wp) that plugin/block/edit.js uses, for
// TypeScript's checker (tsconfig.checkjs-browser.json). Outside plugin/, so the plugin zip
// never ships it. The editor script loads after these packages: plugin/block/edit.asset.php
// names them as its dependencies.

/** What wp.element.createElement returns: a React element, opaque here. */
type WpNode = { readonly __wpNode: unique symbol } | null;
/** A component of wp.components or wp.blockEditor, with the props it is given. */
type WpComponent<Props> = (props: Props) => WpNode;
interface WpOption {
  value: string;
  label: string;
}
/** The block's attributes, as block.json declares them: text, or on and off. */
type WpBlockAttributes = Record<string, string | boolean>;

interface Window {
  wp: {
    blocks: {
      registerBlockType(
        name: string,
        settings: {
          edit: (props: { attributes: WpBlockAttributes; setAttributes(change: WpBlockAttributes): void }) => WpNode;
          save: () => WpNode;
        },
      ): unknown;
    };
    element: {
      createElement<Props>(
        type: string | WpComponent<Props>,
        props: Props | null,
        ...children: (WpNode | string)[]
      ): WpNode;
      Fragment: WpComponent<{ children?: unknown }>;
    };
    blockEditor: {
      InspectorControls: WpComponent<{ children?: unknown }>;
      PanelColorSettings: WpComponent<{
        title: string;
        initialOpen?: boolean;
        colorSettings: { label: string; value: string | undefined; onChange: (value: string | undefined) => void }[];
      }>;
      useBlockProps(): Record<string, unknown>;
    };
    components: {
      PanelBody: WpComponent<{ title: string; initialOpen?: boolean }>;
      SelectControl: WpComponent<{ label: string; value: string | boolean; options: WpOption[]; onChange: (value: string) => void }>;
      TextControl: WpComponent<{ label: string; help?: string; type?: string; value: string | boolean; onChange: (value: string) => void }>;
      ToggleControl: WpComponent<{ label: string; checked: boolean; onChange: (value: boolean) => void }>;
      Placeholder: WpComponent<{ icon: string; label: string; instructions: string }>;
    };
    i18n: {
      __(text: string, domain: string): string;
    };
  };
}
