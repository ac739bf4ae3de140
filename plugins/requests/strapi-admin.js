// The admin entry: `strapi build` compiles admin/src itself (see STACK-NOTES.md).
export { default } from './admin/src/index.ts';
