// Two tiny reports worked by hand, shared by the browser tests: three orders over 14-16 Sep
// 2026 (two Merchant, one of them cancelled with nothing saying the buyer asked; one Amazon)
// and an open a-to-z claim filed on 20 Sep. Together: as_of 2026-09-20 (the claim's day), the
// mfn cancel rate over 14-20 Sep 1/2, failing; ODR's window (07-09 .. 09-06) holds none of them.
export const ORDERS = [
  'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\tsku\tquantity',
  '113-0000001-0000001\t\t2026-09-14T08:21:07+00:00\t2026-09-15T08:21:07+00:00\tShipped\tMerchant\tAmazon.com\tSKU-1\t1',
  '113-0000002-0000002\t\t2026-09-15T10:00:00-07:00\t2026-09-16T08:21:07+00:00\tShipped\tAmazon\tAmazon.com\tSKU-2\t2',
  '113-0000003-0000003\t\t2026-09-16T11:30:00+00:00\t2026-09-16T12:00:00+00:00\tCancelled\tMerchant\tAmazon.com\tSKU-3\t1',
].join('\n') + '\n';

export const CLAIMS = 'order-id,order-date,claim-date,type,status,amazon-funded,reason\n' +
  '113-0000001-0000001,2026-09-14,2026-09-20,a-to-z,open,no,item not received\n';
