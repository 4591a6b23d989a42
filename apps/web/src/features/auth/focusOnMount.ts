/**
 * A ref for a heading that replaces the form just sent (a confirmation, an explanation):
 * focus moves to it when it appears, so keyboard and screen-reader users land on the news
 * instead of on a button that is gone. Defined once, so React calls it only on mount.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
