import * as React from 'react';

import { Button, Dialog, Field, Textarea } from '@strapi/design-system';
import { ArrowRight, Check, Clock, Cross, Earth, Trash } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type {
  HeaderActionComponent,
  HeaderActionProps,
} from '@strapi/content-manager/strapi-admin';

/** Content types of this plugin whose statuses the desk moves with buttons. */
const MODEL_PREFIX = 'plugin::requests.';

/** The most next statuses any table offers the desk from one status (a proposal: four). */
const MAX_BUTTONS = 6;

interface NextStatus {
  to: string;
  label: string;
}

const ICONS: Record<string, React.ReactNode> = {
  accepted: <Check />,
  may_be_hired: <Check />,
  approved: <Check />,
  published: <Earth />,
  reserve: <Clock />,
  rejected: <Cross />,
  withdrawn: <Cross />,
  cancelled: <Trash />,
};

const pathOf = (model: string, documentId: string) =>
  `/requests/transitions/${encodeURIComponent(model)}/${documentId}`;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The server's own message for a refused move: it names both statuses. */
function messageOf(error: unknown): string {
  const data = (error as { response?: { data?: { error?: { message?: string } } } })?.response
    ?.data;
  return data?.error?.message ?? 'The status could not be changed; try again.';
}

/**
 * One request per record and version for all the buttons: each button is its own component,
 * so they share the answer instead of asking the server once each.
 */
const answers = new Map<string, Promise<NextStatus[]>>();

function useNextStatuses(model: string, documentId?: string, version?: unknown): NextStatus[] {
  const { get } = useFetchClient();
  const [next, setNext] = React.useState<NextStatus[]>([]);

  React.useEffect(() => {
    if (!documentId || !model.startsWith(MODEL_PREFIX)) return undefined;
    const key = `${model}/${documentId}/${String(version ?? '')}`;
    if (!answers.has(key)) {
      const answer = get(pathOf(model, documentId))
        .then((response: any) => (response.data?.data?.next ?? []) as NextStatus[])
        // A content type without statuses, or a role that may not move it, shows no buttons.
        .catch(() => [] as NextStatus[]);
      answers.set(key, answer);
    }
    let current = true;
    answers.get(key)!.then((list) => current && setNext(list));
    return () => {
      current = false;
    };
  }, [get, model, documentId, version]);

  return next;
}

interface MoveDialogProps {
  model: string;
  documentId: string;
  status: NextStatus;
  onClose: () => void;
}

/** Asks for an optional reason, which the supplier reads in the status mail, then moves. */
function MoveDialog({ model, documentId, status, onClose }: MoveDialogProps) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [reason, setReason] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  const move = async () => {
    setBusy(true);
    try {
      await post(pathOf(model, documentId), { to: status.to, reason: reason.trim() || undefined });
      toggleNotification({ type: 'success', message: `Moved to ${status.label}.` });
      // The edit view does not refetch after a header action; reload so the form shows the new status.
      window.location.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
      setBusy(false);
      onClose();
    }
  };

  return (
    <>
      <Dialog.Body>
        <Field.Root
          name="reason"
          hint="Optional. The supplier's consultants read it in the status mail."
        >
          <Field.Label>Reason</Field.Label>
          <Textarea
            value={reason}
            maxLength={2000}
            onChange={(event: any) => setReason(event.target.value)}
          />
          <Field.Hint />
        </Field.Root>
      </Dialog.Body>
      <Dialog.Footer>
        <Dialog.Cancel>
          <Button variant="tertiary">Cancel</Button>
        </Dialog.Cancel>
        <Button onClick={move} loading={busy}>
          {capitalise(status.label)}
        </Button>
      </Dialog.Footer>
    </>
  );
}

/** The header button for the n-th status the desk may move the record to now; none if fewer. */
function transitionAction(index: number): HeaderActionComponent {
  const Action = ({ model, documentId, document }: HeaderActionProps) => {
    const next = useNextStatuses(model, documentId, document?.updatedAt);
    const status = next[index];
    if (!status || !documentId) return null;

    const Content = ({ onClose }: { onClose: () => void }) => (
      <MoveDialog model={model} documentId={documentId} status={status} onClose={onClose} />
    );
    return {
      label: `Move to ${status.label}`,
      icon: ICONS[status.to] ?? <ArrowRight />,
      dialog: {
        type: 'dialog' as const,
        title: `Move to ${status.label}`,
        // The header renders a component given here with its onClose (Strapi 5.54 Header.mjs).
        content: Content as unknown as React.ReactNode,
      },
    };
  };
  Action.displayName = `RequestsTransitionAction${index}`;
  return Action;
}

export const TRANSITION_ACTIONS: HeaderActionComponent[] = Array.from(
  { length: MAX_BUTTONS },
  (_, index) => transitionAction(index),
);
