import type { APIRoute } from 'astro';

export const prerender = false;

/** My Settings has one section so far: My Supplier Information. */
export const GET: APIRoute = (context) => context.redirect('/my-settings/supplier', 303);
