import type { Core } from '@strapi/strapi';

import type { TransitionTable } from './types';

interface LayoutWish {
  uid: string;
  /** Attributes shown in the list view, in order. */
  list?: string[];
  sortBy?: string;
  sortOrder?: 'ASC' | 'DESC';
  mainField?: string;
  /** Labels by attribute, for the list and the edit view. */
  labels?: Record<string, string>;
  /** Attributes the edit form shows but does not let anyone type into. */
  readOnly?: string[];
}

/** Shapes the content manager's views of one content type: columns, sort, labels. */
export async function shapeAdminLayout(strapi: Core.Strapi, wish: LayoutWish): Promise<void> {
  const contentTypes = strapi.plugin('content-manager')?.service('content-types') as any;
  const contentType = contentTypes?.findContentType(wish.uid);
  if (!contentType) return;

  const configuration = await contentTypes.findConfiguration(contentType);
  const metadatas = structuredClone(configuration.metadatas ?? {});
  for (const [name, label] of Object.entries(wish.labels ?? {})) {
    if (!metadatas[name]) continue;
    metadatas[name].edit = { ...metadatas[name].edit, label };
    metadatas[name].list = { ...metadatas[name].list, label };
  }
  for (const name of wish.readOnly ?? []) {
    if (metadatas[name]) metadatas[name].edit = { ...metadatas[name].edit, editable: false };
  }

  await contentTypes.updateConfiguration(contentType, {
    settings: {
      ...configuration.settings,
      ...(wish.mainField ? { mainField: wish.mainField } : {}),
      ...(wish.sortBy
        ? { defaultSortBy: wish.sortBy, defaultSortOrder: wish.sortOrder ?? 'ASC' }
        : {}),
    },
    layouts: { ...configuration.layouts, ...(wish.list ? { list: wish.list } : {}) },
    metadatas,
  });
}

/** Every entity with a transition table shows its state as "Status", next to its number. */
export async function shapeWorkflowLayouts(
  strapi: Core.Strapi,
  tables: TransitionTable[],
): Promise<void> {
  for (const table of tables) {
    const field = table.field ?? 'state';
    const label = table.labelField;
    await shapeAdminLayout(strapi, {
      uid: table.uid,
      labels: { [field]: 'Status' },
      readOnly: label === 'number' ? ['number'] : [],
      ...(label ? { mainField: label } : {}),
    });
  }
}
