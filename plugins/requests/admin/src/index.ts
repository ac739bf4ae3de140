import { relabelSave } from './save-action';
import { TRANSITION_ACTIONS } from './transition-actions';

/**
 * The admin's part of the requests plugin: the desk's status buttons in the content manager, and
 * its Save named Save in current status.
 */
export default {
  register(app: any) {
    app.registerPlugin({ id: 'requests', name: 'Requests' });
  },

  bootstrap(app: any) {
    const contentManager = app.getPlugin('content-manager').apis;
    contentManager.addDocumentHeaderAction(TRANSITION_ACTIONS);
    contentManager.addDocumentAction(relabelSave);
  },
};
