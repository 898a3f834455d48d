import { defineTool } from '../../src/server/define.js';
import { closedInput, closedOutput, closedToApi, condenseClosed } from '../shared/closed-auctions.js';

export default defineTool({
  name: 'get_closed_auctions',
  toolset: 'aftermarket',
  title: 'Closed auctions',
  description: 'Auctions you bid in that ended between two days: won or lost, final price.',
  effect: 'read',
  input: closedInput,
  output: closedOutput,
  toApi: (args) => closedToApi(args),
  condense: condenseClosed,
});
