import { focus } from '../../edits/renderYaml';
import { gitSyncPlan } from './helperContainers';
import type { PatternAction } from './patternAction';
import { IMAGES, INIT_RESOURCES, type PatternTemplate } from './template';

// One clone, then exit: an init container must finish for the pod to start.
const gitClone: PatternTemplate = { id: 'git-clone', build: (context) => gitSyncPlan(context, 'once') };

const waitForService: PatternTemplate = {
  id: 'wait-for-service',
  build(context) {
    return {
      container: {
        name: context.containerName('wait-for-service'),
        image: IMAGES.busybox,
        command: ['sh', '-c', focus('until nslookup my-service; do echo waiting for my-service; sleep 2; done')],
        resources: INIT_RESOURCES,
      },
    };
  },
};

const migrate: PatternTemplate = {
  id: 'migrate',
  build(context) {
    return {
      container: {
        name: context.containerName('migrate'),
        image: IMAGES.migrate,
        args: ['-path=/migrations', '-database=$(DATABASE_URL)', 'up'],
        env: [{ name: 'DATABASE_URL', value: focus('postgres://app@database:5432/app?sslmode=disable') }],
        resources: INIT_RESOURCES,
      },
    };
  },
};

export const addInitContainer: PatternAction = {
  kind: 'init',
  placement: 'init',
  templates: [gitClone, waitForService, migrate],
};
