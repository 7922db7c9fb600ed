import { mergeAttributes, Node } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { CITATION_NODE } from './draft-document';

const numbering = new PluginKey('citationNumbering');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      /** Inserts a reference to one of the draft's citations at the cursor. */
      insertCitation: (citationId: string) => ReturnType;
    };
  }
}

/**
 * A citation in the text: an inline atom holding only the citation's id, shown as its number "[n]". Numbers follow
 * first appearance, so they change whenever a citation is added or moved: a plugin numbers the citations on every
 * change and hands each its number through a node decoration, which the node view renders.
 */
export const CitationNode = Node.create({
  name: CITATION_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      citationId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-citation-id'),
        renderHTML: (attributes) => ({ 'data-citation-id': attributes.citationId as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-citation-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'citation' })];
  },

  addCommands() {
    return {
      insertCitation:
        (citationId) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { citationId } }),
    };
  },

  addNodeView() {
    return ({ node, decorations }) => {
      const dom = document.createElement('span');
      dom.className = 'citation';
      dom.contentEditable = 'false';
      dom.dataset.testid = 'draft-citation';
      const render = (current: ProseMirrorNode, currentDecorations: readonly Decoration[]) => {
        const number = numberFrom(currentDecorations);
        dom.dataset.citationId = String(current.attrs.citationId);
        dom.dataset.number = number === null ? '' : String(number);
        dom.textContent = `[${number ?? '?'}]`;
      };
      render(node, decorations);
      return {
        dom,
        update: (updated, updatedDecorations) => {
          if (updated.type !== node.type) return false;
          render(updated, updatedDecorations);
          return true;
        },
      };
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: numbering,
        props: {
          decorations: (state) => {
            const numbers = new Map<string, number>();
            const decorations: Decoration[] = [];
            state.doc.descendants((child, position) => {
              if (child.type.name !== CITATION_NODE) return true;
              const id = String(child.attrs.citationId);
              if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
              decorations.push(Decoration.node(position, position + child.nodeSize, {}, { citationNumber: numbers.get(id) }));
              return false;
            });
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});

function numberFrom(decorations: readonly Decoration[]): number | null {
  for (const decoration of decorations) {
    const number: unknown = (decoration.spec as { citationNumber?: unknown }).citationNumber;
    if (typeof number === 'number') return number;
  }
  return null;
}
