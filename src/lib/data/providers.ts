/**
 * Sources that publish data sets the map draws (the rest are documents cited in details). Their
 * addresses stay in the first load (catalog.json): the credit line, the exports and the incidents'
 * IOM link need them at once; the other sources' addresses wait in details.json (./details.ts).
 */
export const DATA_PROVIDERS = [
  'natural-earth',
  'geonames',
  'iom-mmp',
  'frontex-ibc',
  'ondata-sbarchi',
  'viminale-cruscotto',
  'unhcr-med-monthly',
  'spain-mir-annual',
];
