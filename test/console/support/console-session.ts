// Signing in through the console's own login form, as a person would: shared by the case specs.
import type { Page } from 'playwright-core';
import type { BrowserPages } from './console-browser';

export interface ConsoleUser {
  username: string;
  password: string;
}

/** A fresh page (own cookies) signed in as `user`, on the console's first screen. */
export async function signedInPage(pages: BrowserPages, baseUrl: string, user: ConsoleUser): Promise<Page> {
  const page = await pages.open();
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
  return page;
}

