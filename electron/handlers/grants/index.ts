import type { Channel, ParsedInput } from '../../../shared/contract';
import type { HandlerContext, ReadContext } from '../context';
import { agreementDocx, signAgreement } from './agreement';
import { addClaim, approveClaim } from './claims';
import { closeGrant } from './close';
import { deliveryReport, deliveryReportXlsx } from './delivery-report';
import { recordDiligence } from './diligence';
import { importReturn } from './return-import';
import { returnTemplate } from './return-template';
import { setSchedule } from './schedule';
import { setThreshold, varyGrant, variationThreshold } from './variation';
import { grantOf, roundDelivery } from './view';

// After the award: every delivery channel, served to the app, the command line and the bridge.

type In<C extends Channel> = ParsedInput<C>;

export const grantHandlers = {
  'grants:list': (input: In<'grants:list'>, ctx: ReadContext) =>
    roundDelivery(ctx, input.roundId, input.asOf ?? undefined).grants.map((g) => g.summary),
  'grants:get': (input: In<'grants:get'>, ctx: ReadContext) =>
    grantOf(ctx, input.roundId, input.bidRef, input.asOf ?? undefined).detail(),
  'grants:threshold': (_input: In<'grants:threshold'>, ctx: ReadContext) => ({
    thresholdPence: variationThreshold(ctx),
  }),
  'grants:diligence': (input: In<'grants:diligence'>, ctx: HandlerContext) => recordDiligence(ctx, input),
  'grants:agreement': (input: In<'grants:agreement'>, ctx: ReadContext) => agreementDocx(ctx, input),
  'grants:signAgreement': (input: In<'grants:signAgreement'>, ctx: HandlerContext) =>
    signAgreement(ctx, input),
  'grants:schedule': (input: In<'grants:schedule'>, ctx: HandlerContext) => setSchedule(ctx, input),
  'grants:vary': (input: In<'grants:vary'>, ctx: HandlerContext) => varyGrant(ctx, input),
  'grants:setThreshold': (input: In<'grants:setThreshold'>, ctx: HandlerContext) => setThreshold(ctx, input),
  'grants:close': (input: In<'grants:close'>, ctx: HandlerContext) => closeGrant(ctx, input),
  'claims:add': (input: In<'claims:add'>, ctx: HandlerContext) => addClaim(ctx, input),
  'claims:approve': (input: In<'claims:approve'>, ctx: HandlerContext) => approveClaim(ctx, input),
  'returns:template': (input: In<'returns:template'>, ctx: ReadContext) => returnTemplate(ctx, input),
  'returns:import': (input: In<'returns:import'>, ctx: HandlerContext) => importReturn(ctx, input),
  'reports:delivery': (input: In<'reports:delivery'>, ctx: ReadContext) => deliveryReport(ctx, input),
  'reports:deliveryXlsx': (input: In<'reports:deliveryXlsx'>, ctx: ReadContext) =>
    deliveryReportXlsx(ctx, input),
};
