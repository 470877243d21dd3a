import { baseConfig } from '../vitest.config.base.js';

export default baseConfig('tools');
