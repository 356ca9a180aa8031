/** The main content landmark's id: the skip link's target and the focus target after view changes. */
export const MAIN_CONTENT_ID = 'main';
