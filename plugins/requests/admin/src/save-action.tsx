import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';

/** Content types whose Save keeps the record in the status it has: a draft stays a draft. */
const STATUS_MODELS = ['plugin::requests.request', 'plugin::requests.proposal'];

export const SAVE_LABEL = 'Save in current status';

/**
 * Names the content manager's own Save button for what it does on requests and proposals:
 * it stores the fields and leaves the status alone; only the header buttons move the status.
 * The original action runs unchanged, inside this component, so its hooks and checks stay.
 */
export function relabelSave(actions: DocumentActionComponent[]): DocumentActionComponent[] {
  return actions.map((Action) => {
    if (Action.type !== 'update') return Action;

    const SaveInCurrentStatus: DocumentActionComponent = (props) => {
      const description = Action(props);
      if (!description || !STATUS_MODELS.includes(props.model)) return description;
      return { ...description, label: SAVE_LABEL };
    };
    SaveInCurrentStatus.type = Action.type;
    SaveInCurrentStatus.position = Action.position;
    return SaveInCurrentStatus;
  });
}
