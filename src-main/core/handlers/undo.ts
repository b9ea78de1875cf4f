import { previewUndo, undoLast } from '../undo/undo.js';
import type { HandlerMap } from './types.js';

export const undoHandlers: HandlerMap<'activity.undo' | 'activity.undoable'> = {
  'activity.undo': (_input, ctx) => undoLast(ctx.db),
  'activity.undoable': (_input, ctx) => previewUndo(ctx.db),
};
