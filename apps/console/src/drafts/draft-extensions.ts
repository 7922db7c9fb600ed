import StarterKit from '@tiptap/starter-kit';
import { CitationNode } from './citation-node';
import { DRAFT_HEADING_LEVEL } from './draft-document';

/**
 * What the draft's blocks can hold, and nothing more: headings, paragraphs, bullets, quotes, bold and italic, and
 * citations. Every other StarterKit part is off so a paste cannot bring in what a draft cannot keep.
 */
export const DRAFT_EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [DRAFT_HEADING_LEVEL] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: false,
    horizontalRule: false,
    orderedList: false,
    hardBreak: false,
    // An empty paragraph the editor adds by itself would be a change nobody made.
    trailingNode: false,
  }),
  CitationNode,
];
