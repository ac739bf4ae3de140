import { TRANSITION_ACTIONS } from './transition-actions';

/** The admin's part of the requests plugin: the desk's status buttons in the content manager. */
export default {
  register(app: any) {
    app.registerPlugin({ id: 'requests', name: 'Requests' });
  },

  bootstrap(app: any) {
    app.getPlugin('content-manager').apis.addDocumentHeaderAction(TRANSITION_ACTIONS);
  },
};
