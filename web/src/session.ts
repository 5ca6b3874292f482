/** The API key is kept for this browser tab's session only (sessionStorage), never in a cookie or localStorage. */
const SLOT = 'ovola.key';

export const session = {
  key: (): string | null => sessionStorage.getItem(SLOT),
  signIn: (key: string) => sessionStorage.setItem(SLOT, key),
  signOut: () => sessionStorage.removeItem(SLOT),
};
