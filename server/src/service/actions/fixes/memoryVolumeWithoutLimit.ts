import { detectIndentStyle } from '../../edits/indentStyle';
import { addPair } from '../../edits/insertion';
import { lineBreakOf } from '../../edits/lines';
import { getMap, getPair, isMap } from '../../yaml/nodes';
import { podOf, replaceRange } from './locate';
import { dataOf, type QuickFixer } from './quickFix';

/** A memory-backed emptyDir without a size limit: bound it (the size counts against memory). */
export const memoryVolumeWithoutLimitFix: QuickFixer = {
  description: 'Add sizeLimit: 64Mi to the emptyDir.',
  fixes(context) {
    const pod = podOf(context);
    const volume = pod?.volumes.find((candidate) => candidate.name === dataOf(context.target).volume);
    const emptyDir = volume && isMap(volume.node) ? getMap(volume.node, 'emptyDir') : undefined;
    if (!pod || !emptyDir || emptyDir.flow || getPair(emptyDir, 'sizeLimit')) return [];
    const text = context.document.model.text;
    const edit = addPair(text, emptyDir, 'sizeLimit', '64Mi', detectIndentStyle(text, pod.root, lineBreakOf(text)));
    return [{ title: `Limit "${volume!.name ?? ''}" to 64Mi (sizeLimit)`, edits: [replaceRange(context, edit.start, edit.end, edit.newText)] }];
  },
};

