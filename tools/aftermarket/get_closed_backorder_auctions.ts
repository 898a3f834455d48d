import { defineTool } from '../../src/server/define.js';
import { closedInput, closedOutput, closedToApi, condenseClosed } from '../shared/closed-auctions.js';

export default defineTool({
  name: 'get_closed_backorder_auctions',
  toolset: 'aftermarket',
  title: 'Closed backorder auctions',
  description: 'Ended backorder auctions you bid in (default last 90 days).',
  effect: 'read',
  input: closedInput,
  output: closedOutput,
  toApi: (args) => closedToApi(args),
  condense: condenseClosed,
});
