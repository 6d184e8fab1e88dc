import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { actingAs, testContext } from '../support/temp-db';

// The office's 360Giving org-id is an office setting: kept once, shown to the app, and left alone
// by the notice's contact form, which saves the other office details without it.

describe("the office's org-id", () => {
  it('is kept, checked, and survives a change of the contact details that leaves it out', async () => {
    const { ctx } = testContext();
    await dispatch('demo:load', {}, ctx);
    const lead = actingAs(ctx, 'Dan Hughes');
    const contact = {
      contactOfficer: 'Alex Officer',
      telephone: '0121 000 0000',
      email: '',
      numberPrefix: '',
    };

    expect(await dispatch('office:get', {}, lead)).toMatchObject({ ok: true, value: { orgId: '' } });
    expect(await dispatch('office:set', { ...contact, orgId: 'West Mids' }, lead)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('org-id.guide identifier') },
    });
    expect(await dispatch('office:set', { ...contact, orgId: 'GB-CHC-1234567' }, lead)).toMatchObject({
      ok: true,
      value: { orgId: 'GB-CHC-1234567', contactOfficer: 'Alex Officer' },
    });
    // The notice's contact form sends the four contact fields only.
    await dispatch('office:set', { ...contact, contactOfficer: 'Sam Patel' }, lead);
    expect(await dispatch('office:get', {}, lead)).toMatchObject({
      ok: true,
      value: { orgId: 'GB-CHC-1234567', contactOfficer: 'Sam Patel' },
    });
    // An empty one clears it.
    await dispatch('office:set', { ...contact, orgId: '' }, lead);
    expect(await dispatch('office:get', {}, lead)).toMatchObject({ ok: true, value: { orgId: '' } });
  });
});
