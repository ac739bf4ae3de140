import type { TemplateData } from './types';

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The names of the placeholders a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** A value counts as given when it is a number or a string with more than white space. */
export function hasValue(data: TemplateData, name: string): boolean {
  const value = data[name];
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Replaces each placeholder with its value in one pass, so a value that itself contains
 * "{{...}}" is shown as written and never expanded.
 */
export function fill(text: string, data: TemplateData): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => String(data[name] ?? ''));
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
