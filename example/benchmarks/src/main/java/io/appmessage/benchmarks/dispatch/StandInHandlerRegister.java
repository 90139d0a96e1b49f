package io.appmessage.benchmarks.dispatch;

import io.appmessage.HandlerDescriptor;
import io.appmessage.HandlerInstances;
import io.appmessage.HandlerRegistry;
import io.appmessage.InstanceProvider;
import io.appmessage.JsonWriters;
import io.appmessage.benchmarks.shop.OrderStatus;
import io.appmessage.benchmarks.shop.OrderStatusJsonWriterStandIn;
import io.appmessage.benchmarks.dispatch.handlers.*;
import java.util.List;

/**
 * Stand-in, written by hand in the shape of the processor's generated {@code HandlerRegister},
 * used until the processor module is on main; then the real generated class replaces it.
 */
public final class StandInHandlerRegister implements HandlerRegistry {

    @Override
    public List<HandlerDescriptor> handlers(InstanceProvider instances) {
        DispatchHandler000 h000 = HandlerInstances.provideOrCreate(instances, DispatchHandler000.class, DispatchHandler000::new);
        DispatchHandler001 h001 = HandlerInstances.provideOrCreate(instances, DispatchHandler001.class, DispatchHandler001::new);
        DispatchHandler002 h002 = HandlerInstances.provideOrCreate(instances, DispatchHandler002.class, DispatchHandler002::new);
        DispatchHandler003 h003 = HandlerInstances.provideOrCreate(instances, DispatchHandler003.class, DispatchHandler003::new);
        DispatchHandler004 h004 = HandlerInstances.provideOrCreate(instances, DispatchHandler004.class, DispatchHandler004::new);
        DispatchHandler005 h005 = HandlerInstances.provideOrCreate(instances, DispatchHandler005.class, DispatchHandler005::new);
        DispatchHandler006 h006 = HandlerInstances.provideOrCreate(instances, DispatchHandler006.class, DispatchHandler006::new);
        DispatchHandler007 h007 = HandlerInstances.provideOrCreate(instances, DispatchHandler007.class, DispatchHandler007::new);
        DispatchHandler008 h008 = HandlerInstances.provideOrCreate(instances, DispatchHandler008.class, DispatchHandler008::new);
        DispatchHandler009 h009 = HandlerInstances.provideOrCreate(instances, DispatchHandler009.class, DispatchHandler009::new);
        DispatchHandler010 h010 = HandlerInstances.provideOrCreate(instances, DispatchHandler010.class, DispatchHandler010::new);
        DispatchHandler011 h011 = HandlerInstances.provideOrCreate(instances, DispatchHandler011.class, DispatchHandler011::new);
        DispatchHandler012 h012 = HandlerInstances.provideOrCreate(instances, DispatchHandler012.class, DispatchHandler012::new);
        DispatchHandler013 h013 = HandlerInstances.provideOrCreate(instances, DispatchHandler013.class, DispatchHandler013::new);
        DispatchHandler014 h014 = HandlerInstances.provideOrCreate(instances, DispatchHandler014.class, DispatchHandler014::new);
        DispatchHandler015 h015 = HandlerInstances.provideOrCreate(instances, DispatchHandler015.class, DispatchHandler015::new);
        DispatchHandler016 h016 = HandlerInstances.provideOrCreate(instances, DispatchHandler016.class, DispatchHandler016::new);
        DispatchHandler017 h017 = HandlerInstances.provideOrCreate(instances, DispatchHandler017.class, DispatchHandler017::new);
        DispatchHandler018 h018 = HandlerInstances.provideOrCreate(instances, DispatchHandler018.class, DispatchHandler018::new);
        DispatchHandler019 h019 = HandlerInstances.provideOrCreate(instances, DispatchHandler019.class, DispatchHandler019::new);
        DispatchHandler020 h020 = HandlerInstances.provideOrCreate(instances, DispatchHandler020.class, DispatchHandler020::new);
        DispatchHandler021 h021 = HandlerInstances.provideOrCreate(instances, DispatchHandler021.class, DispatchHandler021::new);
        DispatchHandler022 h022 = HandlerInstances.provideOrCreate(instances, DispatchHandler022.class, DispatchHandler022::new);
        DispatchHandler023 h023 = HandlerInstances.provideOrCreate(instances, DispatchHandler023.class, DispatchHandler023::new);
        DispatchHandler024 h024 = HandlerInstances.provideOrCreate(instances, DispatchHandler024.class, DispatchHandler024::new);
        DispatchHandler025 h025 = HandlerInstances.provideOrCreate(instances, DispatchHandler025.class, DispatchHandler025::new);
        DispatchHandler026 h026 = HandlerInstances.provideOrCreate(instances, DispatchHandler026.class, DispatchHandler026::new);
        DispatchHandler027 h027 = HandlerInstances.provideOrCreate(instances, DispatchHandler027.class, DispatchHandler027::new);
        DispatchHandler028 h028 = HandlerInstances.provideOrCreate(instances, DispatchHandler028.class, DispatchHandler028::new);
        DispatchHandler029 h029 = HandlerInstances.provideOrCreate(instances, DispatchHandler029.class, DispatchHandler029::new);
        DispatchHandler030 h030 = HandlerInstances.provideOrCreate(instances, DispatchHandler030.class, DispatchHandler030::new);
        DispatchHandler031 h031 = HandlerInstances.provideOrCreate(instances, DispatchHandler031.class, DispatchHandler031::new);
        DispatchHandler032 h032 = HandlerInstances.provideOrCreate(instances, DispatchHandler032.class, DispatchHandler032::new);
        DispatchHandler033 h033 = HandlerInstances.provideOrCreate(instances, DispatchHandler033.class, DispatchHandler033::new);
        DispatchHandler034 h034 = HandlerInstances.provideOrCreate(instances, DispatchHandler034.class, DispatchHandler034::new);
        DispatchHandler035 h035 = HandlerInstances.provideOrCreate(instances, DispatchHandler035.class, DispatchHandler035::new);
        DispatchHandler036 h036 = HandlerInstances.provideOrCreate(instances, DispatchHandler036.class, DispatchHandler036::new);
        DispatchHandler037 h037 = HandlerInstances.provideOrCreate(instances, DispatchHandler037.class, DispatchHandler037::new);
        DispatchHandler038 h038 = HandlerInstances.provideOrCreate(instances, DispatchHandler038.class, DispatchHandler038::new);
        DispatchHandler039 h039 = HandlerInstances.provideOrCreate(instances, DispatchHandler039.class, DispatchHandler039::new);
        DispatchHandler040 h040 = HandlerInstances.provideOrCreate(instances, DispatchHandler040.class, DispatchHandler040::new);
        DispatchHandler041 h041 = HandlerInstances.provideOrCreate(instances, DispatchHandler041.class, DispatchHandler041::new);
        DispatchHandler042 h042 = HandlerInstances.provideOrCreate(instances, DispatchHandler042.class, DispatchHandler042::new);
        DispatchHandler043 h043 = HandlerInstances.provideOrCreate(instances, DispatchHandler043.class, DispatchHandler043::new);
        DispatchHandler044 h044 = HandlerInstances.provideOrCreate(instances, DispatchHandler044.class, DispatchHandler044::new);
        DispatchHandler045 h045 = HandlerInstances.provideOrCreate(instances, DispatchHandler045.class, DispatchHandler045::new);
        DispatchHandler046 h046 = HandlerInstances.provideOrCreate(instances, DispatchHandler046.class, DispatchHandler046::new);
        DispatchHandler047 h047 = HandlerInstances.provideOrCreate(instances, DispatchHandler047.class, DispatchHandler047::new);
        DispatchHandler048 h048 = HandlerInstances.provideOrCreate(instances, DispatchHandler048.class, DispatchHandler048::new);
        DispatchHandler049 h049 = HandlerInstances.provideOrCreate(instances, DispatchHandler049.class, DispatchHandler049::new);
        DispatchHandler050 h050 = HandlerInstances.provideOrCreate(instances, DispatchHandler050.class, DispatchHandler050::new);
        DispatchHandler051 h051 = HandlerInstances.provideOrCreate(instances, DispatchHandler051.class, DispatchHandler051::new);
        DispatchHandler052 h052 = HandlerInstances.provideOrCreate(instances, DispatchHandler052.class, DispatchHandler052::new);
        DispatchHandler053 h053 = HandlerInstances.provideOrCreate(instances, DispatchHandler053.class, DispatchHandler053::new);
        DispatchHandler054 h054 = HandlerInstances.provideOrCreate(instances, DispatchHandler054.class, DispatchHandler054::new);
        DispatchHandler055 h055 = HandlerInstances.provideOrCreate(instances, DispatchHandler055.class, DispatchHandler055::new);
        DispatchHandler056 h056 = HandlerInstances.provideOrCreate(instances, DispatchHandler056.class, DispatchHandler056::new);
        DispatchHandler057 h057 = HandlerInstances.provideOrCreate(instances, DispatchHandler057.class, DispatchHandler057::new);
        DispatchHandler058 h058 = HandlerInstances.provideOrCreate(instances, DispatchHandler058.class, DispatchHandler058::new);
        DispatchHandler059 h059 = HandlerInstances.provideOrCreate(instances, DispatchHandler059.class, DispatchHandler059::new);
        DispatchHandler060 h060 = HandlerInstances.provideOrCreate(instances, DispatchHandler060.class, DispatchHandler060::new);
        DispatchHandler061 h061 = HandlerInstances.provideOrCreate(instances, DispatchHandler061.class, DispatchHandler061::new);
        DispatchHandler062 h062 = HandlerInstances.provideOrCreate(instances, DispatchHandler062.class, DispatchHandler062::new);
        DispatchHandler063 h063 = HandlerInstances.provideOrCreate(instances, DispatchHandler063.class, DispatchHandler063::new);
        DispatchHandler064 h064 = HandlerInstances.provideOrCreate(instances, DispatchHandler064.class, DispatchHandler064::new);
        DispatchHandler065 h065 = HandlerInstances.provideOrCreate(instances, DispatchHandler065.class, DispatchHandler065::new);
        DispatchHandler066 h066 = HandlerInstances.provideOrCreate(instances, DispatchHandler066.class, DispatchHandler066::new);
        DispatchHandler067 h067 = HandlerInstances.provideOrCreate(instances, DispatchHandler067.class, DispatchHandler067::new);
        DispatchHandler068 h068 = HandlerInstances.provideOrCreate(instances, DispatchHandler068.class, DispatchHandler068::new);
        DispatchHandler069 h069 = HandlerInstances.provideOrCreate(instances, DispatchHandler069.class, DispatchHandler069::new);
        DispatchHandler070 h070 = HandlerInstances.provideOrCreate(instances, DispatchHandler070.class, DispatchHandler070::new);
        DispatchHandler071 h071 = HandlerInstances.provideOrCreate(instances, DispatchHandler071.class, DispatchHandler071::new);
        DispatchHandler072 h072 = HandlerInstances.provideOrCreate(instances, DispatchHandler072.class, DispatchHandler072::new);
        DispatchHandler073 h073 = HandlerInstances.provideOrCreate(instances, DispatchHandler073.class, DispatchHandler073::new);
        DispatchHandler074 h074 = HandlerInstances.provideOrCreate(instances, DispatchHandler074.class, DispatchHandler074::new);
        DispatchHandler075 h075 = HandlerInstances.provideOrCreate(instances, DispatchHandler075.class, DispatchHandler075::new);
        DispatchHandler076 h076 = HandlerInstances.provideOrCreate(instances, DispatchHandler076.class, DispatchHandler076::new);
        DispatchHandler077 h077 = HandlerInstances.provideOrCreate(instances, DispatchHandler077.class, DispatchHandler077::new);
        DispatchHandler078 h078 = HandlerInstances.provideOrCreate(instances, DispatchHandler078.class, DispatchHandler078::new);
        DispatchHandler079 h079 = HandlerInstances.provideOrCreate(instances, DispatchHandler079.class, DispatchHandler079::new);
        DispatchHandler080 h080 = HandlerInstances.provideOrCreate(instances, DispatchHandler080.class, DispatchHandler080::new);
        DispatchHandler081 h081 = HandlerInstances.provideOrCreate(instances, DispatchHandler081.class, DispatchHandler081::new);
        DispatchHandler082 h082 = HandlerInstances.provideOrCreate(instances, DispatchHandler082.class, DispatchHandler082::new);
        DispatchHandler083 h083 = HandlerInstances.provideOrCreate(instances, DispatchHandler083.class, DispatchHandler083::new);
        DispatchHandler084 h084 = HandlerInstances.provideOrCreate(instances, DispatchHandler084.class, DispatchHandler084::new);
        DispatchHandler085 h085 = HandlerInstances.provideOrCreate(instances, DispatchHandler085.class, DispatchHandler085::new);
        DispatchHandler086 h086 = HandlerInstances.provideOrCreate(instances, DispatchHandler086.class, DispatchHandler086::new);
        DispatchHandler087 h087 = HandlerInstances.provideOrCreate(instances, DispatchHandler087.class, DispatchHandler087::new);
        DispatchHandler088 h088 = HandlerInstances.provideOrCreate(instances, DispatchHandler088.class, DispatchHandler088::new);
        DispatchHandler089 h089 = HandlerInstances.provideOrCreate(instances, DispatchHandler089.class, DispatchHandler089::new);
        DispatchHandler090 h090 = HandlerInstances.provideOrCreate(instances, DispatchHandler090.class, DispatchHandler090::new);
        DispatchHandler091 h091 = HandlerInstances.provideOrCreate(instances, DispatchHandler091.class, DispatchHandler091::new);
        DispatchHandler092 h092 = HandlerInstances.provideOrCreate(instances, DispatchHandler092.class, DispatchHandler092::new);
        DispatchHandler093 h093 = HandlerInstances.provideOrCreate(instances, DispatchHandler093.class, DispatchHandler093::new);
        DispatchHandler094 h094 = HandlerInstances.provideOrCreate(instances, DispatchHandler094.class, DispatchHandler094::new);
        DispatchHandler095 h095 = HandlerInstances.provideOrCreate(instances, DispatchHandler095.class, DispatchHandler095::new);
        DispatchHandler096 h096 = HandlerInstances.provideOrCreate(instances, DispatchHandler096.class, DispatchHandler096::new);
        DispatchHandler097 h097 = HandlerInstances.provideOrCreate(instances, DispatchHandler097.class, DispatchHandler097::new);
        DispatchHandler098 h098 = HandlerInstances.provideOrCreate(instances, DispatchHandler098.class, DispatchHandler098::new);
        DispatchHandler099 h099 = HandlerInstances.provideOrCreate(instances, DispatchHandler099.class, DispatchHandler099::new);
        return List.of(
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler000#handle", "", 0,
                        (request, message) -> { h000.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler001#handle", "", 1,
                        (request, message) -> { h001.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler002#handle", "", 2,
                        (request, message) -> { h002.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler003#handle", "", 3,
                        (request, message) -> { h003.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler004#handle", "", 4,
                        (request, message) -> { h004.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler005#handle", "", 5,
                        (request, message) -> { h005.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler006#handle", "", 6,
                        (request, message) -> { h006.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler007#handle", "", 7,
                        (request, message) -> { h007.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler008#handle", "", 8,
                        (request, message) -> { h008.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler009#handle", "", 9,
                        (request, message) -> { h009.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler010#handle", "", 10,
                        (request, message) -> { h010.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler011#handle", "", 11,
                        (request, message) -> { h011.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler012#handle", "", 12,
                        (request, message) -> { h012.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler013#handle", "", 13,
                        (request, message) -> { h013.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler014#handle", "", 14,
                        (request, message) -> { h014.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler015#handle", "", 15,
                        (request, message) -> { h015.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler016#handle", "", 16,
                        (request, message) -> { h016.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler017#handle", "", 17,
                        (request, message) -> { h017.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler018#handle", "", 18,
                        (request, message) -> { h018.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler019#handle", "", 19,
                        (request, message) -> { h019.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler020#handle", "", 20,
                        (request, message) -> { h020.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler021#handle", "", 21,
                        (request, message) -> { h021.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler022#handle", "", 22,
                        (request, message) -> { h022.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler023#handle", "", 23,
                        (request, message) -> { h023.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler024#handle", "", 24,
                        (request, message) -> { h024.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler025#handle", "", 25,
                        (request, message) -> { h025.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler026#handle", "", 26,
                        (request, message) -> { h026.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler027#handle", "", 27,
                        (request, message) -> { h027.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler028#handle", "", 28,
                        (request, message) -> { h028.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler029#handle", "", 29,
                        (request, message) -> { h029.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler030#handle", "", 30,
                        (request, message) -> { h030.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler031#handle", "", 31,
                        (request, message) -> { h031.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler032#handle", "", 32,
                        (request, message) -> { h032.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler033#handle", "", 33,
                        (request, message) -> { h033.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler034#handle", "", 34,
                        (request, message) -> { h034.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler035#handle", "", 35,
                        (request, message) -> { h035.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler036#handle", "", 36,
                        (request, message) -> { h036.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler037#handle", "", 37,
                        (request, message) -> { h037.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler038#handle", "", 38,
                        (request, message) -> { h038.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler039#handle", "", 39,
                        (request, message) -> { h039.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler040#handle", "", 40,
                        (request, message) -> { h040.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler041#handle", "", 41,
                        (request, message) -> { h041.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler042#handle", "", 42,
                        (request, message) -> { h042.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler043#handle", "", 43,
                        (request, message) -> { h043.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler044#handle", "", 44,
                        (request, message) -> { h044.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler045#handle", "", 45,
                        (request, message) -> { h045.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler046#handle", "", 46,
                        (request, message) -> { h046.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler047#handle", "", 47,
                        (request, message) -> { h047.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler048#handle", "", 48,
                        (request, message) -> { h048.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler049#handle", "", 49,
                        (request, message) -> { h049.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler050#handle", "", 50,
                        (request, message) -> { h050.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler051#handle", "", 51,
                        (request, message) -> { h051.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler052#handle", "", 52,
                        (request, message) -> { h052.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler053#handle", "", 53,
                        (request, message) -> { h053.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler054#handle", "", 54,
                        (request, message) -> { h054.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler055#handle", "", 55,
                        (request, message) -> { h055.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler056#handle", "", 56,
                        (request, message) -> { h056.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler057#handle", "", 57,
                        (request, message) -> { h057.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler058#handle", "", 58,
                        (request, message) -> { h058.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler059#handle", "", 59,
                        (request, message) -> { h059.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler060#handle", "", 60,
                        (request, message) -> { h060.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler061#handle", "", 61,
                        (request, message) -> { h061.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler062#handle", "", 62,
                        (request, message) -> { h062.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler063#handle", "", 63,
                        (request, message) -> { h063.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler064#handle", "", 64,
                        (request, message) -> { h064.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler065#handle", "", 65,
                        (request, message) -> { h065.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler066#handle", "", 66,
                        (request, message) -> { h066.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler067#handle", "", 67,
                        (request, message) -> { h067.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler068#handle", "", 68,
                        (request, message) -> { h068.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler069#handle", "", 69,
                        (request, message) -> { h069.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler070#handle", "", 70,
                        (request, message) -> { h070.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler071#handle", "", 71,
                        (request, message) -> { h071.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler072#handle", "", 72,
                        (request, message) -> { h072.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler073#handle", "", 73,
                        (request, message) -> { h073.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler074#handle", "", 74,
                        (request, message) -> { h074.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler075#handle", "", 75,
                        (request, message) -> { h075.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler076#handle", "", 76,
                        (request, message) -> { h076.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler077#handle", "", 77,
                        (request, message) -> { h077.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler078#handle", "", 78,
                        (request, message) -> { h078.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler079#handle", "", 79,
                        (request, message) -> { h079.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler080#handle", "", 80,
                        (request, message) -> { h080.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler081#handle", "", 81,
                        (request, message) -> { h081.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler082#handle", "", 82,
                        (request, message) -> { h082.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler083#handle", "", 83,
                        (request, message) -> { h083.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler084#handle", "", 84,
                        (request, message) -> { h084.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler085#handle", "", 85,
                        (request, message) -> { h085.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler086#handle", "", 86,
                        (request, message) -> { h086.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler087#handle", "", 87,
                        (request, message) -> { h087.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler088#handle", "", 88,
                        (request, message) -> { h088.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler089#handle", "", 89,
                        (request, message) -> { h089.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler090#handle", "", 90,
                        (request, message) -> { h090.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler091#handle", "", 91,
                        (request, message) -> { h091.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler092#handle", "", 92,
                        (request, message) -> { h092.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler093#handle", "", 93,
                        (request, message) -> { h093.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler094#handle", "", 94,
                        (request, message) -> { h094.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler095#handle", "", 95,
                        (request, message) -> { h095.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler096#handle", "", 96,
                        (request, message) -> { h096.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler097#handle", "", 97,
                        (request, message) -> { h097.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler098#handle", "", 98,
                        (request, message) -> { h098.handle(message); return null; }),
                HandlerDescriptor.imperative("io.appmessage.benchmarks.dispatch.handlers.DispatchHandler099#handle", "", 99,
                        (request, message) -> { h099.handle(message); return null; }));
    }

    @Override
    public void registerWriters(JsonWriters writers) {
        writers.register(OrderStatus.class, OrderStatusJsonWriterStandIn.INSTANCE);
    }
}
