/** Texts of the comments on a document: placing, answering and resolving them, and the overview of open ones. */
import { messages } from '../../i18n';

export interface CommentMessages {
  comment: string;
  commentOnSelection: string;
  commentOnSection: string;
  commentsTitle: (n: number) => string;
  commentsNone: string;
  showComments: (n: number) => string;
  hideComments: string;
  newCommentLabel: string;
  newCommentHintSelection: string;
  newCommentHintSection: string;
  aboutText: string;
  passageLabel: string;
  passageWhole: string;
  newCommentHintPassage: string;
  anchorGone: string;
  send: string;
  cancel: string;
  reply: string;
  replyLabel: (name: string) => string;
  resolve: string;
  resolved: string;
  showResolved: (n: number) => string;
  commentFailed: string;
  commentsOverview: string;
  commentsOverviewNone: string;
  openComments: (n: number) => string;
  showInText: string;
}

const nl: CommentMessages = {
  comment: 'Reageren',
  commentOnSelection: 'Reageer op de tekst die je hebt geselecteerd',
  commentOnSection: 'Reageer op dit deel',
  commentsTitle: (n) => (n === 1 ? '1 reactie' : `${n} reacties`),
  commentsNone: 'Nog geen reacties.',
  showComments: (n) => (n === 1 ? 'Toon 1 reactie' : `Toon ${n} reacties`),
  hideComments: 'Verberg reacties',
  newCommentLabel: 'Jouw reactie',
  newCommentHintSelection: 'Je reageert op de gemarkeerde tekst.',
  newCommentHintSection: 'Je reageert op dit hele deel. Tip: selecteer eerst tekst om op een stukje te reageren.',
  aboutText: 'Over:',
  passageLabel: 'Waarop reageer je?',
  passageWhole: 'Op dit hele deel',
  newCommentHintPassage: 'Kies hierboven een zin als je op één zin reageert. De zin wordt dan in de tekst gemarkeerd.',
  anchorGone: 'De tekst waarop gereageerd is, staat er niet meer.',
  send: 'Plaats reactie',
  cancel: 'Annuleren',
  reply: 'Antwoorden',
  replyLabel: (name) => `Antwoord aan ${name}`,
  resolve: 'Afronden',
  resolved: 'Afgerond',
  showResolved: (n) => (n === 1 ? 'Toon 1 afgeronde reactie' : `Toon ${n} afgeronde reacties`),
  commentFailed: 'Je reactie is niet geplaatst. Probeer het opnieuw.',
  commentsOverview: 'Open reacties',
  commentsOverviewNone: 'Er zijn geen open reacties.',
  openComments: (n) => (n === 1 ? '1 open reactie' : `${n} open reacties`),
  showInText: 'Toon in de tekst',
};

const en: CommentMessages = {
  comment: 'Comment',
  commentOnSelection: 'Comment on the text you selected',
  commentOnSection: 'Comment on this part',
  commentsTitle: (n) => (n === 1 ? '1 comment' : `${n} comments`),
  commentsNone: 'No comments yet.',
  showComments: (n) => (n === 1 ? 'Show 1 comment' : `Show ${n} comments`),
  hideComments: 'Hide comments',
  newCommentLabel: 'Your comment',
  newCommentHintSelection: 'You are commenting on the highlighted text.',
  newCommentHintSection: 'You are commenting on this whole part. Tip: select text first to comment on a piece of it.',
  aboutText: 'About:',
  passageLabel: 'What are you commenting on?',
  passageWhole: 'This whole part',
  newCommentHintPassage: 'Pick a sentence above to comment on just that sentence. It is then highlighted in the text.',
  anchorGone: 'The text this comment was about is no longer there.',
  send: 'Post comment',
  cancel: 'Cancel',
  reply: 'Reply',
  replyLabel: (name) => `Reply to ${name}`,
  resolve: 'Resolve',
  resolved: 'Resolved',
  showResolved: (n) => (n === 1 ? 'Show 1 resolved comment' : `Show ${n} resolved comments`),
  commentFailed: 'Your comment was not posted. Please try again.',
  commentsOverview: 'Open comments',
  commentsOverviewNone: 'There are no open comments.',
  openComments: (n) => (n === 1 ? '1 open comment' : `${n} open comments`),
  showInText: 'Show in the text',
};

export const commentTexts = messages({ nl, en });
