import { defineTool } from '../../src/server/define.js';
import { closedInput, closedOutput, closedToApi, condenseClosed } from '../shared/closed-auctions.js';

export default defineTool({
  name: 'get_closed_auctions',
  toolset: 'aftermarket',
  title: 'Closed auctions',
  description: 'Ended auctions you bid in (default last 90 days): won or lost.',
  effect: 'read',
  input: closedInput,
  output: closedOutput,
  toApi: (args) => closedToApi(args),
  condense: condenseClosed,
});
