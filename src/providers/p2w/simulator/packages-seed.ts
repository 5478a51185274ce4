import type { P2wPackage } from './public-types.ts';

/**
 * The sandbox's default packages, in the document's packageID style (`ROLTH_A01_P001`): Thai-market game
 * top-ups with the `topupInfo` keys each game asks for. Prices are THB; one has satang to exercise exact amounts.
 */
export const P2W_SANDBOX_PACKAGES: readonly P2wPackage[] = Object.freeze([
  { id: 'ROLTH_A01_P001', game: 'ROV Thailand', name: 'ROV 115 Coupons', price: '100.00', fields: ['gameid'] },
  { id: 'ROLTH_A01_P002', game: 'ROV Thailand', name: 'ROV 355 Coupons', price: '300.00', fields: ['gameid'] },
  { id: 'ROLTH_A01_P003', game: 'ROV Thailand', name: 'ROV 1,190 Coupons', price: '1000.00', fields: ['gameid'] },
  { id: 'FFTH_A01_P001', game: 'Free Fire Thailand', name: 'Free Fire 25 Diamonds', price: '9.50', fields: ['gameid'] },
  { id: 'FFTH_A01_P002', game: 'Free Fire Thailand', name: 'Free Fire 310 Diamonds', price: '99.00', fields: ['gameid'] },
  { id: 'PUBGMTH_A01_P001', game: 'PUBG Mobile', name: 'PUBG Mobile 60 UC', price: '35.00', fields: ['gameid'] },
  { id: 'PUBGMTH_A01_P002', game: 'PUBG Mobile', name: 'PUBG Mobile 325 UC', price: '175.00', fields: ['gameid'] },
  { id: 'GSHTH_A01_P001', game: 'Genshin Impact', name: 'Genshin 60 Genesis Crystals', price: '35.00', fields: ['gameid', 'server'] },
  { id: 'GSHTH_A01_P002', game: 'Genshin Impact', name: 'Blessing of the Welkin Moon', price: '149.00', fields: ['gameid', 'server'] },
  { id: 'HSRTH_A01_P001', game: 'Honkai: Star Rail', name: 'Star Rail 60 Oneiric Shards', price: '35.00', fields: ['gameid', 'server'] },
  { id: 'MLBBTH_A01_P001', game: 'Mobile Legends: Bang Bang', name: 'MLBB 86 Diamonds', price: '59.00', fields: ['gameid', 'zoneid'] },
  { id: 'MLBBTH_A01_P002', game: 'Mobile Legends: Bang Bang', name: 'MLBB 257 Diamonds', price: '175.00', fields: ['gameid', 'zoneid'] },
  { id: 'VALTH_A01_P001', game: 'Valorant Thailand', name: 'Valorant 475 VP', price: '150.00', fields: ['gameid'] },
].map((p) => Object.freeze({ ...p, fields: Object.freeze([...p.fields]) })));
