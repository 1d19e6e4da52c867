// Handlers of the exchange part of the contract (shared/api/contract-exchange.ts).
import type { ExchangeHandlerTable } from './handler-types';
import { actorOf, isoNow } from '../services/context';
import { localIdentity, refused, sha256Hex } from '../services/exchange/exchange-common';
import { identityCard, readIdentityCard } from '../services/exchange/identity';
import { registerMemberKey } from '../services/exchange/member-keys';
import { exportRoundPackage } from '../services/exchange/package-export';
import { importRoundPackage } from '../services/exchange/package-import';
import { checkResultPackage, exportResultPackage } from '../services/exchange/result-package';
import { exchangeStatus, exchangeRoundInfo, exportScoreSheet, importScoreSheet } from '../services/exchange/sheet-exchange';

export const exchangeHandlers: ExchangeHandlerTable = {
  'exchange.identity': (_input, ctx) => {
    const { publicKey, fingerprint } = localIdentity(ctx);
    return { publicKey, fingerprint };
  },
  'exchange.identityCard': ({ name }, ctx) => {
    actorOf(ctx);
    const text = identityCard(localIdentity(ctx), name, isoNow(ctx));
    return { fileName: `身份卡-${name}.rdid`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_'), mime: 'application/json', dataBase64: Buffer.from(text).toString('base64'), sha256: sha256Hex(text) };
  },
  'exchange.registerMemberKey': (input, ctx) => registerMemberKey(ctx, input),
  'exchange.exportPackage': (input, ctx) => exportRoundPackage(ctx, input),
  'exchange.importPackage': (input, ctx) => importRoundPackage(ctx, input),
  'exchange.exportSheet': (input, ctx) => exportScoreSheet(ctx, input),
  'exchange.importSheet': (input, ctx) => importScoreSheet(ctx, input),
  'exchange.status': ({ roundId }, ctx) => exchangeStatus(ctx, roundId),
  'exchange.exportResult': (input, ctx) => exportResultPackage(ctx, input),
  'exchange.checkResult': (input, ctx) => checkResultPackage(ctx, input),
  'exchange.roundInfo': ({ roundId }, ctx) => exchangeRoundInfo(ctx, roundId),
  'exchange.readCard': ({ cardBase64 }) => {
    const card = readIdentityCard(Buffer.from(cardBase64, 'base64'));
    if (!card.ok) throw refused(card.problem);
    return { name: card.name, fingerprint: card.fingerprint };
  },
};
