import { focus } from '../../edits/renderYaml';
import {
  HELPER_RESOURCES,
  IMAGES,
  INIT_RESOURCES,
  type ContainerPlan,
  type PatternTemplate,
  type TemplateContext,
} from './template';

/** The long-running helpers a sidecar or a native sidecar can be. */

export const logShipper: PatternTemplate = {
  id: 'log-shipper',
  build(context: TemplateContext): ContainerPlan {
    const volume = context.volumeName('app-logs');
    const mainMountPath = context.mainMountPath('/var/log/app');
    return {
      container: {
        name: context.containerName('log-shipper'),
        image: IMAGES.fluentBit,
        args: ['-i', 'tail', '-p', focus(`path=/var/log/app/*.log`), '-o', 'stdout'],
        volumeMounts: [{ name: volume, mountPath: '/var/log/app', readOnly: true }],
        resources: HELPER_RESOURCES,
      },
      sharedVolume: { name: volume, mainMountPath },
    };
  },
};

/**
 * git-sync v4 (`GITSYNC_*` variables, root `/git`) syncing into a shared emptyDir that
 * the main container reads. As an init container it clones once and exits.
 */
export function gitSyncPlan(context: TemplateContext, mode: 'once' | 'continuous'): ContainerPlan {
  const volume = context.volumeName('git-content');
  return {
    container: {
      name: context.containerName(mode === 'once' ? 'git-clone' : 'git-sync'),
      image: IMAGES.gitSync,
      env: [
        { name: 'GITSYNC_REPO', value: focus('https://github.com/example/repository.git') },
        { name: 'GITSYNC_REF', value: 'main' },
        { name: 'GITSYNC_ROOT', value: '/git' },
        { name: 'GITSYNC_LINK', value: 'current' },
        mode === 'once' ? { name: 'GITSYNC_ONE_TIME', value: 'true' } : { name: 'GITSYNC_PERIOD', value: '60s' },
      ],
      volumeMounts: [{ name: volume, mountPath: '/git' }],
      resources: mode === 'once' ? INIT_RESOURCES : HELPER_RESOURCES,
    },
    sharedVolume: { name: volume, mainMountPath: context.mainMountPath('/srv/git'), mainReadOnly: true },
  };
}

export const gitSync: PatternTemplate = { id: 'git-sync', build: (context) => gitSyncPlan(context, 'continuous') };

export const genericHelper: PatternTemplate = {
  id: 'generic',
  build(context: TemplateContext): ContainerPlan {
    const volume = context.volumeName('shared-data');
    return {
      container: {
        name: context.containerName('helper'),
        image: IMAGES.busybox,
        command: ['sh', '-c', focus('while true; do ls -l /shared; sleep 30; done')],
        volumeMounts: [{ name: volume, mountPath: '/shared' }],
        resources: HELPER_RESOURCES,
      },
      sharedVolume: { name: volume, mainMountPath: context.mainMountPath('/shared') },
    };
  },
};

export const LONG_RUNNING_HELPERS: readonly PatternTemplate[] = [logShipper, gitSync, genericHelper];
