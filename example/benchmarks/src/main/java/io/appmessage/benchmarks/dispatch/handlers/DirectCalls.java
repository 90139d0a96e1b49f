package io.appmessage.benchmarks.dispatch.handlers;

import io.appmessage.AppMessage;
import java.util.List;

/**
 * The floor of the dispatch benchmark: the handlers called one after the other, as a person
 * would write it by hand (written by scripts/HandlerSources.java; do not edit).
 */
public final class DirectCalls {

    private final DispatchHandler000 h000 = new DispatchHandler000();
    private final DispatchHandler001 h001 = new DispatchHandler001();
    private final DispatchHandler002 h002 = new DispatchHandler002();
    private final DispatchHandler003 h003 = new DispatchHandler003();
    private final DispatchHandler004 h004 = new DispatchHandler004();
    private final DispatchHandler005 h005 = new DispatchHandler005();
    private final DispatchHandler006 h006 = new DispatchHandler006();
    private final DispatchHandler007 h007 = new DispatchHandler007();
    private final DispatchHandler008 h008 = new DispatchHandler008();
    private final DispatchHandler009 h009 = new DispatchHandler009();
    private final DispatchHandler010 h010 = new DispatchHandler010();
    private final DispatchHandler011 h011 = new DispatchHandler011();
    private final DispatchHandler012 h012 = new DispatchHandler012();
    private final DispatchHandler013 h013 = new DispatchHandler013();
    private final DispatchHandler014 h014 = new DispatchHandler014();
    private final DispatchHandler015 h015 = new DispatchHandler015();
    private final DispatchHandler016 h016 = new DispatchHandler016();
    private final DispatchHandler017 h017 = new DispatchHandler017();
    private final DispatchHandler018 h018 = new DispatchHandler018();
    private final DispatchHandler019 h019 = new DispatchHandler019();
    private final DispatchHandler020 h020 = new DispatchHandler020();
    private final DispatchHandler021 h021 = new DispatchHandler021();
    private final DispatchHandler022 h022 = new DispatchHandler022();
    private final DispatchHandler023 h023 = new DispatchHandler023();
    private final DispatchHandler024 h024 = new DispatchHandler024();
    private final DispatchHandler025 h025 = new DispatchHandler025();
    private final DispatchHandler026 h026 = new DispatchHandler026();
    private final DispatchHandler027 h027 = new DispatchHandler027();
    private final DispatchHandler028 h028 = new DispatchHandler028();
    private final DispatchHandler029 h029 = new DispatchHandler029();
    private final DispatchHandler030 h030 = new DispatchHandler030();
    private final DispatchHandler031 h031 = new DispatchHandler031();
    private final DispatchHandler032 h032 = new DispatchHandler032();
    private final DispatchHandler033 h033 = new DispatchHandler033();
    private final DispatchHandler034 h034 = new DispatchHandler034();
    private final DispatchHandler035 h035 = new DispatchHandler035();
    private final DispatchHandler036 h036 = new DispatchHandler036();
    private final DispatchHandler037 h037 = new DispatchHandler037();
    private final DispatchHandler038 h038 = new DispatchHandler038();
    private final DispatchHandler039 h039 = new DispatchHandler039();
    private final DispatchHandler040 h040 = new DispatchHandler040();
    private final DispatchHandler041 h041 = new DispatchHandler041();
    private final DispatchHandler042 h042 = new DispatchHandler042();
    private final DispatchHandler043 h043 = new DispatchHandler043();
    private final DispatchHandler044 h044 = new DispatchHandler044();
    private final DispatchHandler045 h045 = new DispatchHandler045();
    private final DispatchHandler046 h046 = new DispatchHandler046();
    private final DispatchHandler047 h047 = new DispatchHandler047();
    private final DispatchHandler048 h048 = new DispatchHandler048();
    private final DispatchHandler049 h049 = new DispatchHandler049();
    private final DispatchHandler050 h050 = new DispatchHandler050();
    private final DispatchHandler051 h051 = new DispatchHandler051();
    private final DispatchHandler052 h052 = new DispatchHandler052();
    private final DispatchHandler053 h053 = new DispatchHandler053();
    private final DispatchHandler054 h054 = new DispatchHandler054();
    private final DispatchHandler055 h055 = new DispatchHandler055();
    private final DispatchHandler056 h056 = new DispatchHandler056();
    private final DispatchHandler057 h057 = new DispatchHandler057();
    private final DispatchHandler058 h058 = new DispatchHandler058();
    private final DispatchHandler059 h059 = new DispatchHandler059();
    private final DispatchHandler060 h060 = new DispatchHandler060();
    private final DispatchHandler061 h061 = new DispatchHandler061();
    private final DispatchHandler062 h062 = new DispatchHandler062();
    private final DispatchHandler063 h063 = new DispatchHandler063();
    private final DispatchHandler064 h064 = new DispatchHandler064();
    private final DispatchHandler065 h065 = new DispatchHandler065();
    private final DispatchHandler066 h066 = new DispatchHandler066();
    private final DispatchHandler067 h067 = new DispatchHandler067();
    private final DispatchHandler068 h068 = new DispatchHandler068();
    private final DispatchHandler069 h069 = new DispatchHandler069();
    private final DispatchHandler070 h070 = new DispatchHandler070();
    private final DispatchHandler071 h071 = new DispatchHandler071();
    private final DispatchHandler072 h072 = new DispatchHandler072();
    private final DispatchHandler073 h073 = new DispatchHandler073();
    private final DispatchHandler074 h074 = new DispatchHandler074();
    private final DispatchHandler075 h075 = new DispatchHandler075();
    private final DispatchHandler076 h076 = new DispatchHandler076();
    private final DispatchHandler077 h077 = new DispatchHandler077();
    private final DispatchHandler078 h078 = new DispatchHandler078();
    private final DispatchHandler079 h079 = new DispatchHandler079();
    private final DispatchHandler080 h080 = new DispatchHandler080();
    private final DispatchHandler081 h081 = new DispatchHandler081();
    private final DispatchHandler082 h082 = new DispatchHandler082();
    private final DispatchHandler083 h083 = new DispatchHandler083();
    private final DispatchHandler084 h084 = new DispatchHandler084();
    private final DispatchHandler085 h085 = new DispatchHandler085();
    private final DispatchHandler086 h086 = new DispatchHandler086();
    private final DispatchHandler087 h087 = new DispatchHandler087();
    private final DispatchHandler088 h088 = new DispatchHandler088();
    private final DispatchHandler089 h089 = new DispatchHandler089();
    private final DispatchHandler090 h090 = new DispatchHandler090();
    private final DispatchHandler091 h091 = new DispatchHandler091();
    private final DispatchHandler092 h092 = new DispatchHandler092();
    private final DispatchHandler093 h093 = new DispatchHandler093();
    private final DispatchHandler094 h094 = new DispatchHandler094();
    private final DispatchHandler095 h095 = new DispatchHandler095();
    private final DispatchHandler096 h096 = new DispatchHandler096();
    private final DispatchHandler097 h097 = new DispatchHandler097();
    private final DispatchHandler098 h098 = new DispatchHandler098();
    private final DispatchHandler099 h099 = new DispatchHandler099();

    /** Calls the first 1 handler(s). */
    public void poll1(AppMessage message) {
        h000.handle(message);
    }

    /** Calls the first 10 handler(s). */
    public void poll10(AppMessage message) {
        h000.handle(message);
        h001.handle(message);
        h002.handle(message);
        h003.handle(message);
        h004.handle(message);
        h005.handle(message);
        h006.handle(message);
        h007.handle(message);
        h008.handle(message);
        h009.handle(message);
    }

    /** Calls the first 100 handler(s). */
    public void poll100(AppMessage message) {
        h000.handle(message);
        h001.handle(message);
        h002.handle(message);
        h003.handle(message);
        h004.handle(message);
        h005.handle(message);
        h006.handle(message);
        h007.handle(message);
        h008.handle(message);
        h009.handle(message);
        h010.handle(message);
        h011.handle(message);
        h012.handle(message);
        h013.handle(message);
        h014.handle(message);
        h015.handle(message);
        h016.handle(message);
        h017.handle(message);
        h018.handle(message);
        h019.handle(message);
        h020.handle(message);
        h021.handle(message);
        h022.handle(message);
        h023.handle(message);
        h024.handle(message);
        h025.handle(message);
        h026.handle(message);
        h027.handle(message);
        h028.handle(message);
        h029.handle(message);
        h030.handle(message);
        h031.handle(message);
        h032.handle(message);
        h033.handle(message);
        h034.handle(message);
        h035.handle(message);
        h036.handle(message);
        h037.handle(message);
        h038.handle(message);
        h039.handle(message);
        h040.handle(message);
        h041.handle(message);
        h042.handle(message);
        h043.handle(message);
        h044.handle(message);
        h045.handle(message);
        h046.handle(message);
        h047.handle(message);
        h048.handle(message);
        h049.handle(message);
        h050.handle(message);
        h051.handle(message);
        h052.handle(message);
        h053.handle(message);
        h054.handle(message);
        h055.handle(message);
        h056.handle(message);
        h057.handle(message);
        h058.handle(message);
        h059.handle(message);
        h060.handle(message);
        h061.handle(message);
        h062.handle(message);
        h063.handle(message);
        h064.handle(message);
        h065.handle(message);
        h066.handle(message);
        h067.handle(message);
        h068.handle(message);
        h069.handle(message);
        h070.handle(message);
        h071.handle(message);
        h072.handle(message);
        h073.handle(message);
        h074.handle(message);
        h075.handle(message);
        h076.handle(message);
        h077.handle(message);
        h078.handle(message);
        h079.handle(message);
        h080.handle(message);
        h081.handle(message);
        h082.handle(message);
        h083.handle(message);
        h084.handle(message);
        h085.handle(message);
        h086.handle(message);
        h087.handle(message);
        h088.handle(message);
        h089.handle(message);
        h090.handle(message);
        h091.handle(message);
        h092.handle(message);
        h093.handle(message);
        h094.handle(message);
        h095.handle(message);
        h096.handle(message);
        h097.handle(message);
        h098.handle(message);
        h099.handle(message);
    }

    /** New objects of all 100 handler classes, in order, for the EventBus and reflective variants. */
    public static List<Object> newHandlers() {
        return List.of(
                new DispatchHandler000(),
                new DispatchHandler001(),
                new DispatchHandler002(),
                new DispatchHandler003(),
                new DispatchHandler004(),
                new DispatchHandler005(),
                new DispatchHandler006(),
                new DispatchHandler007(),
                new DispatchHandler008(),
                new DispatchHandler009(),
                new DispatchHandler010(),
                new DispatchHandler011(),
                new DispatchHandler012(),
                new DispatchHandler013(),
                new DispatchHandler014(),
                new DispatchHandler015(),
                new DispatchHandler016(),
                new DispatchHandler017(),
                new DispatchHandler018(),
                new DispatchHandler019(),
                new DispatchHandler020(),
                new DispatchHandler021(),
                new DispatchHandler022(),
                new DispatchHandler023(),
                new DispatchHandler024(),
                new DispatchHandler025(),
                new DispatchHandler026(),
                new DispatchHandler027(),
                new DispatchHandler028(),
                new DispatchHandler029(),
                new DispatchHandler030(),
                new DispatchHandler031(),
                new DispatchHandler032(),
                new DispatchHandler033(),
                new DispatchHandler034(),
                new DispatchHandler035(),
                new DispatchHandler036(),
                new DispatchHandler037(),
                new DispatchHandler038(),
                new DispatchHandler039(),
                new DispatchHandler040(),
                new DispatchHandler041(),
                new DispatchHandler042(),
                new DispatchHandler043(),
                new DispatchHandler044(),
                new DispatchHandler045(),
                new DispatchHandler046(),
                new DispatchHandler047(),
                new DispatchHandler048(),
                new DispatchHandler049(),
                new DispatchHandler050(),
                new DispatchHandler051(),
                new DispatchHandler052(),
                new DispatchHandler053(),
                new DispatchHandler054(),
                new DispatchHandler055(),
                new DispatchHandler056(),
                new DispatchHandler057(),
                new DispatchHandler058(),
                new DispatchHandler059(),
                new DispatchHandler060(),
                new DispatchHandler061(),
                new DispatchHandler062(),
                new DispatchHandler063(),
                new DispatchHandler064(),
                new DispatchHandler065(),
                new DispatchHandler066(),
                new DispatchHandler067(),
                new DispatchHandler068(),
                new DispatchHandler069(),
                new DispatchHandler070(),
                new DispatchHandler071(),
                new DispatchHandler072(),
                new DispatchHandler073(),
                new DispatchHandler074(),
                new DispatchHandler075(),
                new DispatchHandler076(),
                new DispatchHandler077(),
                new DispatchHandler078(),
                new DispatchHandler079(),
                new DispatchHandler080(),
                new DispatchHandler081(),
                new DispatchHandler082(),
                new DispatchHandler083(),
                new DispatchHandler084(),
                new DispatchHandler085(),
                new DispatchHandler086(),
                new DispatchHandler087(),
                new DispatchHandler088(),
                new DispatchHandler089(),
                new DispatchHandler090(),
                new DispatchHandler091(),
                new DispatchHandler092(),
                new DispatchHandler093(),
                new DispatchHandler094(),
                new DispatchHandler095(),
                new DispatchHandler096(),
                new DispatchHandler097(),
                new DispatchHandler098(),
                new DispatchHandler099());
    }
}
